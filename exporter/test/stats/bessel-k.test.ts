/** Oracles: the closed form of K_{1/2}, and scipy.special.kv / kve (SciPy 1.17.1). */
import { besselK, besselKScaled } from '../../src/stats/special/bessel-k.js';

const relativeError = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('besselK', () => {
  test.each([1e-3, 0.0156, 0.3, 1, 4.5, 30, 200, 600])('K_{1/2}(%p) = √(π/(2x))·e^{-x}', (x) => {
    expect(relativeError(besselKScaled(0.5, x), Math.sqrt(Math.PI / (2 * x)))).toBeLessThan(1e-13);
  });
  test('K_{1/4} and K_{1/3} against SciPy', () => {
    expect(relativeError(besselK(0.25, 1), 0.4307397744485814)).toBeLessThan(1e-13);
    expect(relativeError(besselK(0.25, 0.0156), 5.372080088234363)).toBeLessThan(1e-13);
    expect(relativeError(besselKScaled(0.25, 10), 0.3928020270758749)).toBeLessThan(1e-13);
    expect(relativeError(besselK(1 / 3, 2.5), 0.06354253745473337)).toBeLessThan(1e-13);
  });
  test('rejects x ≤ 0 and a non-finite order', () => {
    expect(() => besselK(0.25, 0)).toThrow(/x must be > 0/);
    expect(() => besselK(Number.NaN, 1)).toThrow(/nu must be a finite number/);
  });
});
