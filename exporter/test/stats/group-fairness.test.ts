import fc from 'fast-check';
import { GroupFairnessAccumulator } from '../../src/stats/group-fairness-accumulator.js';
import { groupFairness, groupFairnessFromCounts, passesFourFifthsRule } from '../../src/stats/group-fairness.js';

// Expected numbers: the definition in ../shared/reference-vectors/fairness.json, worked by hand.
describe('groupFairness', () => {
  it('computes per-group rates and the gaps (hand-checked)', () => {
    const report = groupFairness([1, 1, 0, 0, 1, 1, 0, 0], [1, 0, 1, 0, 1, 1, 1, 1], ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B']);
    expect(report.groups).toEqual(['A', 'B']);
    expect(report.perGroup.map((g) => [g.selectionRate, g.truePositiveRate, g.falsePositiveRate])).toEqual([
      [0.5, 0.5, 0.5],
      [1, 1, 1],
    ]);
    expect(report.demographicParityDifference).toBe(0.5);
    expect(report.disparateImpactRatio).toBe(0.5);
    expect(report.equalizedOddsDifference).toBe(0.5);
  });

  it('sorts groups as strings and leaves groups without positives/negatives out of the TPR/FPR gaps', () => {
    const report = groupFairness([1, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 0], ['b', 'b', 'B', 'B', 'a', 'a']);
    expect(report.groups).toEqual(['B', 'a', 'b']);
    const [upperB, a, b] = report.perGroup;
    expect(upperB?.truePositiveRate).toBeNaN();
    expect(upperB?.falsePositiveRate).toBe(0.5);
    expect(b?.falsePositiveRate).toBeNaN();
    expect(report.truePositiveRateDifference).toBe(0.5); // a: 1, b: 0.5
    expect(report.falsePositiveRateDifference).toBe(0.5); // B: 0.5, a: 0
    expect(a?.count).toBe(2);
  });

  it('gives NaN gaps when no group has positives, and a NaN ratio when nobody is selected', () => {
    const report = groupFairness([0, 0, 0], [0, 0, 0], ['x', 'y', 'y']);
    expect(report.equalOpportunityDifference).toBeNaN();
    expect(report.falsePositiveRateDifference).toBe(0);
    expect(report.equalizedOddsDifference).toBe(0);
    expect(report.disparateImpactRatio).toBeNaN();
    expect(report.demographicParityDifference).toBe(0);
  });

  it('rejects non-binary labels, missing groups and empty input', () => {
    expect(() => groupFairness([2], [1], ['a'])).toThrow(/yTrue must be 0 or 1/);
    expect(() => groupFairness([1, 0], [1, 0], ['a'])).toThrow(/one entry per row/);
    expect(() => groupFairness([], [], [])).toThrow(/empty/);
  });

  it('is invariant to row order, bounded in [0, 1], and merge equals batch', () => {
    const rows = fc.array(fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom('g1', 'g2', 'g3')), { minLength: 1, maxLength: 60 });
    const withShuffle = rows.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length })));
    fc.assert(
      fc.property(withShuffle, ([original, shuffled]) => {
        const report = groupFairness(original.map((r) => r[0]), original.map((r) => r[1]), original.map((r) => r[2]));
        const again = groupFairness(shuffled.map((r) => r[0]), shuffled.map((r) => r[1]), shuffled.map((r) => r[2]));
        expect(again).toEqual(report);
        expect(report.demographicParityDifference).toBeGreaterThanOrEqual(0);
        expect(report.demographicParityDifference).toBeLessThanOrEqual(1);
        const half = Math.floor(original.length / 2);
        const left = new GroupFairnessAccumulator();
        const right = new GroupFairnessAccumulator();
        original.forEach(([t, p, g], i) => (i < half ? left : right).record(t, p, g));
        expect(groupFairnessFromCounts(left.merge(right))).toEqual(report);
      }),
    );
  });
});

describe('passesFourFifthsRule', () => {
  it('accepts ratios in [0.8, 1.25] only', () => {
    expect(passesFourFifthsRule(0.8)).toBe(true);
    expect(passesFourFifthsRule(0.79)).toBe(false);
    expect(passesFourFifthsRule(1.25)).toBe(true);
    expect(passesFourFifthsRule(1.26)).toBe(false);
    expect(passesFourFifthsRule(Number.NaN)).toBe(false);
    expect(passesFourFifthsRule(0.85, { lower: 0.9 })).toBe(false);
  });
});
