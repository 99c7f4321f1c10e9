import fc from 'fast-check';
import { addIntoBins, assertBinEdges, binIndex, countIntoBins } from '../../src/stats/binning.js';

// Convention under test: numpy.searchsorted(edges, x, side='right') on INTERIOR edges.
describe('binIndex', () => {
  const edges = [0, 10, 20];

  it('puts values below the first edge in bin 0 and at/after the last edge in the last bin', () => {
    expect(binIndex(edges, -5)).toBe(0);
    expect(binIndex(edges, 25)).toBe(3);
    expect(binIndex(edges, 5)).toBe(1);
    expect(binIndex(edges, 15)).toBe(2);
  });

  it('sends a value equal to an edge to the bin on its right ([a, b) bins)', () => {
    expect(binIndex(edges, 0)).toBe(1);
    expect(binIndex(edges, 10)).toBe(2);
    expect(binIndex(edges, 20)).toBe(3);
    expect(binIndex(edges, -Number.MIN_VALUE)).toBe(0);
  });

  it('puts -Infinity in the first bin and +Infinity in the last', () => {
    expect(binIndex(edges, -Infinity)).toBe(0);
    expect(binIndex(edges, Infinity)).toBe(3);
  });

  it('returns -1 for NaN (NaN belongs to no bin)', () => {
    expect(binIndex(edges, NaN)).toBe(-1);
  });

  it('has a single bin when there are no interior edges', () => {
    expect(binIndex([], 42)).toBe(0);
    expect(Array.from(countIntoBins([], [1, 2, NaN]))).toEqual([2]);
  });

  it('equals the number of edges <= x for any value (searchsorted side=right)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 30 }),
        fc.double(),
        (rawEdges, x) => {
          const sorted = rawEdges.map((e) => (Object.is(e, -0) ? 0 : e)).sort((a, b) => a - b).filter((e, i, all) => i === 0 || e > all[i - 1]!);
          const expected = Number.isNaN(x) ? -1 : sorted.filter((e) => e <= x).length;
          expect(binIndex(sorted, x)).toBe(expected);
        },
      ),
    );
  });
});

describe('countIntoBins / addIntoBins', () => {
  it('counts ties on edges to the right and skips NaN', () => {
    const counts = countIntoBins([2, 4], [1, 2, 2, 3, 4, 5, NaN, -Infinity, Infinity]);
    expect(Array.from(counts)).toEqual([2, 3, 3]);
  });

  it('accumulates into existing counts without reallocating and reports skipped NaN', () => {
    const counts = new Float64Array(3);
    expect(addIntoBins([0, 1], [0.5, NaN, 1, NaN], counts)).toBe(2);
    expect(addIntoBins([0, 1], [-1], counts)).toBe(0);
    expect(Array.from(counts)).toEqual([1, 1, 1]);
  });

  it('rejects a counts array of the wrong size', () => {
    expect(() => addIntoBins([0, 1], [0.5], new Float64Array(2))).toThrow(/edges\.length \+ 1 = 3/);
  });

  it('preserves the total of the non-NaN values', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const counts = countIntoBins([-1, 0, 1], values);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(values.filter((v) => !Number.isNaN(v)).length);
      }),
    );
  });
});

describe('assertBinEdges', () => {
  it('rejects edges that are not strictly increasing', () => {
    expect(() => assertBinEdges([1, 1])).toThrow(RangeError);
    expect(() => assertBinEdges([2, 1])).toThrow(/strictly increasing/);
  });

  it('rejects NaN and infinite edges', () => {
    expect(() => assertBinEdges([0, NaN])).toThrow(/edges\[1\] is NaN/);
    expect(() => assertBinEdges([-Infinity, 0])).toThrow(/finite/);
  });

  it('accepts empty and increasing edges', () => {
    expect(() => assertBinEdges([])).not.toThrow();
    expect(() => assertBinEdges([-1, 0, 1e-300])).not.toThrow();
  });
});
