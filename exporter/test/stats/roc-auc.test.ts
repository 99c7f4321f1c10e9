import fc from 'fast-check';
import { rocAuc } from '../../src/stats/roc-auc.js';

// Expected numbers: scikit-learn 1.2.1 roc_auc_score.
describe('rocAuc', () => {
  it('matches scikit-learn on a small example and with ties (a tie counts 1/2)', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(rocAuc([0, 1, 0, 1, 1], [0.5, 0.5, 0.2, 0.9, 0.5])).toBeCloseTo(0.8333333333333333, 15);
  });

  it('is 1 for a perfect ranking, 0 for an inverted one, 0.5 for constant scores', () => {
    expect(rocAuc([0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.8, 0.9])).toBe(1);
    expect(rocAuc([0, 0, 1, 1, 1], [0.9, 0.8, 0.3, 0.2, 0.1])).toBe(0);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('takes the greater label as positive, strings included', () => {
    expect(rocAuc([2, 3, 3], [0.1, 0.2, 0.05])).toBe(0.5);
    expect(rocAuc(['a', 'b', 'b'], [0.1, 0.2, 0.05])).toBe(0.5);
  });

  it('throws like scikit-learn when only one class is present', () => {
    expect(() => rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toThrow(/only one class/);
  });

  it('rejects empty input, more than two classes and non-finite scores', () => {
    expect(() => rocAuc([], [])).toThrow(RangeError);
    expect(() => rocAuc([0, 1, 2], [0.1, 0.2, 0.3])).toThrow(/3 classes/);
    expect(() => rocAuc([0, 1], [0.1, Number.NaN])).toThrow(/finite/);
  });

  const labelledScores = fc
    .array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 80 })
    .filter((rows) => new Set(rows.map((r) => r[0])).size === 2);

  it('AUC(score) + AUC(−score) = 1 without ties', () => {
    fc.assert(
      fc.property(labelledScores.filter((rows) => new Set(rows.map((r) => r[1])).size === rows.length), (rows) => {
        const yTrue = rows.map((r) => r[0]);
        expect(rocAuc(yTrue, rows.map((r) => r[1])) + rocAuc(yTrue, rows.map((r) => -r[1]))).toBeCloseTo(1, 12);
      }),
    );
  });

  it('equals the Mann–Whitney U / (n₊ n₋) and ignores row order', () => {
    const tiedRows = labelledScores.map((rows) => rows.map(([y, s]) => [y, Math.round(s / 2e5)] as const));
    const withShuffle = tiedRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));
    fc.assert(
      fc.property(withShuffle, ([rows, shuffled]) => {
        const positives = rows.filter((r) => r[0] === 1).map((r) => r[1]);
        const negatives = rows.filter((r) => r[0] === 0).map((r) => r[1]);
        let wins = 0;
        for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
        const auc = rocAuc(rows.map((r) => r[0]), rows.map((r) => r[1]));
        expect(auc).toBeCloseTo(wins / (positives.length * negatives.length), 12);
        expect(rocAuc(shuffled.map((r) => r[0]), shuffled.map((r) => r[1]))).toBeCloseTo(auc, 12);
      }),
    );
  });
});
