/** Oracle for hard-coded numbers: SciPy 1.17.1 (agrees with 1.10.1 on every public KS vector). */
import fc from 'fast-check';
import { kolmogorovLimitSf } from '../../src/stats/distributions/kolmogorov-limit-sf.js';
import { kolmogorovSmirnovSf } from '../../src/stats/distributions/kolmogorov-smirnov-sf.js';
import { smirnovSf } from '../../src/stats/distributions/smirnov-sf.js';

const close = (actual: number, expected: number, rel = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 + rel * Math.abs(expected));

describe('kolmogorovLimitSf (kstwobign.sf)', () => {
  test('known values and both series agreeing at the switch point 0.82', () => {
    close(kolmogorovLimitSf(1), 0.26999967167735456); // scipy.special.kolmogorov(1.0)
    close(kolmogorovLimitSf(0.82), kolmogorovLimitSf(0.82 + 1e-12), 1e-10);
    expect(kolmogorovLimitSf(0)).toBe(1);
    expect(kolmogorovLimitSf(20)).toBe(0); // 2e^{-800} underflows; 10.95 does not:
    close(kolmogorovLimitSf(Math.sqrt(120)), 1.1758565396490539e-104); // vector asymp_disjoint_n200_m300
  });
});

describe('smirnovSf (scipy.special.smirnov)', () => {
  test('closed forms: n = 1 and x ≥ 1 - 1/n', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    close(smirnovSf(5, 0.9), 0.1 ** 5, 1e-12);
    close(smirnovSf(10, 0.3), 0.1354635556, 1e-9);
  });
  test('rejects a non-integer n', () => {
    expect(() => smirnovSf(2.5, 0.1)).toThrow(/n must be a positive integer/);
  });
});

describe('kolmogorovSmirnovSf (kstwo.sf)', () => {
  test('known values in each region of the Simard–L\'Ecuyer scheme', () => {
    close(kolmogorovSmirnovSf(10, 0.3), 0.27053557479999946); // Pomeranz
    close(kolmogorovSmirnovSf(10, 0.274), 1 - 0.6284796154565043, 1e-9); // Durbin matrix
    close(kolmogorovSmirnovSf(600, 0.044333333333333336), 0.1834384601082133, 1e-9); // Pelz–Good (vector)
    close(kolmogorovSmirnovSf(150, 0.1366666666666666), 0.00662525463542195, 1e-9); // 2·smirnov (vector)
  });
  test('ends of the support and the Ruben–Gambino closed forms', () => {
    expect(kolmogorovSmirnovSf(7, 0)).toBe(1);
    expect(kolmogorovSmirnovSf(7, 1)).toBe(0);
    expect(kolmogorovSmirnovSf(7, 0.5 / 7)).toBe(1);
    close(kolmogorovSmirnovSf(1, 0.7), 0.6, 1e-12); // 2(1-d)^n for nd ≥ n - 1
  });
  test('equals 2·smirnov where the two one-sided tails cannot overlap (d ≥ 0.5)', () => {
    close(kolmogorovSmirnovSf(12, 0.6), 2 * smirnovSf(12, 0.6), 1e-14);
  });
  test('approaches the Kolmogorov limit for large n', () => {
    expect(Math.abs(kolmogorovSmirnovSf(100_000, 1 / Math.sqrt(100_000)) - kolmogorovLimitSf(1))).toBeLessThan(2e-3);
  });
  test('is non-increasing in d across every region boundary, within [0, 1]', () => {
    fc.assert(
      fc.property(fc.constantFrom(3, 40, 140, 141, 400, 5000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const pLow = kolmogorovSmirnovSf(n, low);
        const pHigh = kolmogorovSmirnovSf(n, high);
        expect(pHigh).toBeLessThanOrEqual(pLow + 1e-9);
        expect(pLow).toBeGreaterThanOrEqual(0);
        expect(pLow).toBeLessThanOrEqual(1);
      }),
    );
  });
});
