import { countIntoBins } from '../../src/stats/binning.js';
import { explicitBinEdges, quantileBinEdges, quantileSortedLinear } from '../../src/profile/index.js';

// Oracle: numpy 1.x, np.quantile(x, q) with the default method='linear'; edges = np.quantile(x, np.arange(1, B) / B).
describe('quantileSortedLinear (numpy.quantile, method linear)', () => {
  it('matches numpy on 1..100 at the profile quantiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const qs = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
    // np.quantile(np.arange(1, 101), qs)
    expect(qs.map((q) => quantileSortedLinear(values, q))).toEqual([1.99, 5.95, 25.75, 50.5, 75.25, 95.05, 99.01]);
  });

  it('matches numpy to the last bit on non-integer data (numpy two-sided lerp)', () => {
    const sorted = [0.1, 0.2, 0.3, 0.7, 0.9, 1.3, 2.2, 2.2, 2.2, 5.0, 7.5];
    const qs = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
    expect(qs.map((q) => quantileSortedLinear(sorted, q))).toEqual([0.11000000000000001, 0.15000000000000002, 0.5, 1.3, 2.2, 6.25, 7.250000000000001]);
  });

  it('rejects an empty input and q outside [0, 1]', () => {
    expect(() => quantileSortedLinear([], 0.5)).toThrow(/at least one value/);
    expect(() => quantileSortedLinear([1], 1.5)).toThrow(/q must be in \[0, 1\]; got 1.5/);
  });
});

describe('quantileBinEdges', () => {
  it('puts the edges of 1..100 in 4 bins at numpy quartiles, giving 25 values per bin', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const edges = quantileBinEdges(values, 4);
    expect(edges).toEqual([25.75, 50.5, 75.25]);
    expect(Array.from(countIntoBins(edges, values))).toEqual([25, 25, 25, 25]);
  });

  it('matches numpy on unsorted real-valued data (37 normal draws, 10 bins)', () => {
    // rng = np.random.default_rng(1); x = rng.normal(size=37) * 3.3 + 1
    const x = [2.140427833813794, 3.7113398735538223, 2.0904423514051773, -3.3004188642943912, 3.9876743600212885, 2.473036088801237, -0.771945676688941, 2.917689743847965, 2.20308890741405, 1.9706372389632358, 1.0937933963421294, 2.8041528558210747, -1.430298487105501, 0.4623971716229258, -0.5909937318439282, 2.9761925016942707, 1.1310829546894747, 0.03489272181520764, -1.5802979257775789, 0.15126560595772676, 1.0268691957105336, 0.09051041251207759, 5.270410587514084, 4.322190240509121, -7.946836180587695, -5.23374371169332, 0.42325209621796556, -0.39322835820196667, 1.7050218917454165, 1.7171623723744598, 7.988867891668459, -2.669668516884528, -0.2460965235190935, 7.74114630472469, 3.1341198874660945, 3.1881091288416634, -0.6962210265686275];
    // np.unique(np.quantile(x, np.arange(1, 10) / 10))
    expect(quantileBinEdges(x, 10)).toEqual([-2.0160461622203587, -0.6751755676236876, -0.021305127251652886, 0.4389101263799497, 1.1310829546894747, 2.0425203064284005, 2.5392594422052044, 3.10253441031173, 4.121480712216421]);
  });

  it('collapses tied quantiles and drops an edge at the minimum', () => {
    // np.quantile([0]*6 + [1, 2, 3, 4], [.25, .5, .75]) = [0, 0, 1.75]: 0 is the minimum (empty first bin), so only 1.75 stays
    const values = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
    const edges = quantileBinEdges(values, 4);
    expect(edges).toEqual([1.75]);
    expect(Array.from(countIntoBins(edges, values))).toEqual([7, 3]);
  });

  it('gives a constant feature zero interior edges (one bin)', () => {
    expect(quantileBinEdges([5, 5, 5, 5, 5, 5, 5], 10)).toEqual([]);
  });

  it('ignores NaN and infinities, keeps edges strictly increasing, and does not mutate its input', () => {
    const values = [3, NaN, 1, Infinity, 2, -Infinity, 4];
    const copy = [...values];
    const edges = quantileBinEdges(values, 2);
    expect(edges).toEqual([2.5]);
    expect(values).toEqual(copy);
  });

  it('validates the bin count', () => {
    expect(() => quantileBinEdges([1, 2], 0)).toThrow(/binCount must be an integer from 1 to 10000; got 0/);
    expect(() => quantileBinEdges([1, 2], 2.5)).toThrow(/got 2.5/);
  });
});

describe('explicitBinEdges', () => {
  it('accepts strictly increasing finite edges and returns a copy', () => {
    const edges = [0, 18, 65];
    const result = explicitBinEdges(edges);
    expect(result).toEqual([0, 18, 65]);
    expect(result).not.toBe(edges);
    expect(explicitBinEdges([])).toEqual([]);
  });

  it('names the bad edge', () => {
    expect(() => explicitBinEdges([0, 5, 5])).toThrow(/edges\[1\] = 5 and edges\[2\] = 5/);
    expect(() => explicitBinEdges([0, Infinity])).toThrow(/edges\[1\] is Infinity/);
  });
});
