import fc from 'fast-check';
import { FairnessAccumulator, type FairnessAccumulatorOptions } from '../../src/performance/fairness-accumulator.js';
import { groupFairness } from '../../src/stats/group-fairness.js';
import { expectClose } from './expect-close.js';

type Row = [number, number, string];
const row = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom('a', 'b', 'c', 'd'));
const rowsArbitrary = fc.array(row, { maxLength: 80 });

function accumulate(rows: readonly Row[], options: FairnessAccumulatorOptions = {}): FairnessAccumulator {
  const acc = new FairnessAccumulator(options);
  for (const [truth, prediction, group] of rows) acc.record(truth, prediction, group);
  return acc;
}

describe('FairnessAccumulator', () => {
  test('reports what the batch groupFairness reports, plus the four-fifths flag', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        fc.pre(rows.length > 0);
        const batch = groupFairness(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
        const { count, skipped, passesFourFifthsRule, overflow, overflowed, ...report } = accumulate(rows).result();
        expectClose(report, batch);
        expect(count).toBe(rows.length);
        expect([skipped, overflow.count, overflowed]).toEqual([0, 0, false]);
        expect(passesFourFifthsRule).toBe(batch.disparateImpactRatio >= 0.8 && batch.disparateImpactRatio <= 1.25);
      }),
    );
  });

  test('split anywhere and merged equals one pass; merge is associative; empty is the identity; JSON round trip', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.nat(), fc.nat(), (rows, cutA, cutB) => {
        const [i, j] = [cutA % (rows.length + 1), cutB % (rows.length + 1)].sort((a, b) => a - b) as [number, number];
        const [a, b, c] = [accumulate(rows.slice(0, i)), accumulate(rows.slice(i, j)), accumulate(rows.slice(j))];
        const onePass = accumulate(rows);
        expectClose(a.merge(b).merge(c).result(), onePass.result());
        expectClose(a.merge(b.merge(c)).result(), onePass.result());
        expectClose(new FairnessAccumulator().merge(a).result(), a.result());
        expectClose(a.merge(new FairnessAccumulator()).result(), a.result());
        const restored = FairnessAccumulator.fromJSON(JSON.parse(JSON.stringify(onePass)));
        expect(restored.toJSON()).toEqual(onePass.toJSON());
      }),
    );
  });

  test('bad rows are counted and skipped, never thrown', () => {
    const acc = new FairnessAccumulator();
    expect(() => acc.record(2, 1, 'a').record(1, Number.NaN, 'a').record(1, 1, 7 as unknown as string).record(1, 1, 'a').record(0, 0, 'b')).not.toThrow();
    const result = acc.result();
    expect([result.skipped, result.count]).toEqual([3, 2]);
    expect(result.demographicParityDifference).toBe(1);
    expect(result.passesFourFifthsRule).toBe(false);
  });

  test('a flood of distinct groups stays within maxGroups; later groups go to the overflow bucket', () => {
    const acc = new FairnessAccumulator({ maxGroups: 10 });
    for (let i = 0; i < 100_000; i++) acc.record(i % 2, (i >> 1) % 2, `user-${i}`);
    const result = acc.result();
    expect(result.groups).toHaveLength(10);
    expect(result.count).toBe(10);
    expect(result.overflow.count).toBe(99_990);
    expect(result.overflowed).toBe(true);
    expect(acc.approxBytes()).toBeLessThanOrEqual(acc.maxBytes(16));
  });

  test('the four-fifths band is configurable and validated', () => {
    const rows: Row[] = [[1, 1, 'a'], [0, 1, 'a'], [1, 1, 'b'], [0, 0, 'b']];
    expect(accumulate(rows).result().disparateImpactRatio).toBe(0.5);
    expect(accumulate(rows, { fourFifthsBand: { lower: 0.5 } }).result().passesFourFifthsRule).toBe(true);
    expect(() => new FairnessAccumulator({ fourFifthsBand: { lower: 2, upper: 1 } })).toThrow(/lower must be <= upper/);
    expect(() => new FairnessAccumulator({ maxGroups: 1.5 })).toThrow(/options\.maxGroups must be an integer >= 1, got 1.5/);
    expect(() => FairnessAccumulator.fromJSON({ type: 'fairness-accumulator', maxGroups: 0 })).toThrow(/FairnessAccumulator\.fromJSON: maxGroups/);
  });
});
