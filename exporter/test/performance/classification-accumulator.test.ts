import fc from 'fast-check';
import { ClassificationAccumulator, type ClassificationAccumulatorOptions } from '../../src/performance/classification-accumulator.js';
import { accuracy } from '../../src/stats/accuracy.js';
import { brierScore } from '../../src/stats/brier-score.js';
import { logLoss } from '../../src/stats/log-loss.js';
import { precisionRecallF1 } from '../../src/stats/precision-recall-f1.js';
import { rocAuc } from '../../src/stats/roc-auc.js';
import { expectClose } from './expect-close.js';

type Row = [number, number, number];

/** Binary rows (truth, prediction, score); scores drawn from a small grid half the time so ties occur. */
const binaryRow = fc.tuple(
  fc.constantFrom(0, 1),
  fc.constantFrom(0, 1),
  fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.25, 0.5, 0.75, 1)),
);
const binaryRows = fc.array(binaryRow, { maxLength: 60 });

function accumulate(rows: readonly Row[], options: ClassificationAccumulatorOptions = {}): ClassificationAccumulator {
  const acc = new ClassificationAccumulator(options);
  for (const [truth, prediction, score] of rows) acc.record(truth, prediction, score);
  return acc;
}

describe('ClassificationAccumulator (binary)', () => {
  test('matches the batch functions (scikit-learn conventions) on random rows with both classes', () => {
    fc.assert(
      fc.property(binaryRows, (rows) => {
        const yTrue = rows.map((r) => r[0]);
        fc.pre(yTrue.includes(0) && yTrue.includes(1));
        const yPred = rows.map((r) => r[1]);
        const yScore = rows.map((r) => r[2]);
        const result = accumulate(rows).result();
        const batch = precisionRecallF1(yTrue, yPred, { posLabel: 1 });
        expectClose(
          [result.accuracy, result.precision, result.recall, result.f1, result.rocAuc, result.logLoss, result.brierScore],
          [accuracy(yTrue, yPred), batch.precision, batch.recall, batch.f1, rocAuc(yTrue, yScore), logLoss(yTrue, yScore, { labels: [0, 1] }), brierScore(yTrue, yScore, { posLabel: 1 })],
        );
        expect(result.rocAucExact).toBe(true);
        expect(result.rocAucErrorBound).toBe(0);
      }),
    );
  });

  test('split anywhere and merged equals one pass; merge is associative; empty is the identity', () => {
    fc.assert(
      fc.property(binaryRows, fc.nat(), fc.nat(), (rows, cutA, cutB) => {
        const [i, j] = [cutA % (rows.length + 1), cutB % (rows.length + 1)].sort((a, b) => a - b) as [number, number];
        const [a, b, c] = [accumulate(rows.slice(0, i)), accumulate(rows.slice(i, j)), accumulate(rows.slice(j))];
        const onePass = accumulate(rows).result();
        expectClose(a.merge(b).merge(c).result(), onePass);
        expectClose(a.merge(b.merge(c)).result(), a.merge(b).merge(c).result());
        const empty = new ClassificationAccumulator();
        expectClose(empty.merge(a).result(), a.result());
        expectClose(a.merge(empty).result(), a.result());
      }),
    );
  });

  test('JSON round trip restores the same state, in exact and histogram mode', () => {
    fc.assert(
      fc.property(binaryRows, fc.integer({ min: 0, max: 5 }), (rows, maxExactScores) => {
        const acc = accumulate(rows, { maxExactScores, scoreBins: 7 });
        const restored = ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
        expect(restored.toJSON()).toEqual(acc.toJSON());
        expectClose(restored.result(), acc.result());
      }),
    );
  });

  test('merge leaves both inputs unchanged', () => {
    const a = accumulate([[1, 1, 0.9], [0, 0, 0.1]]);
    const b = accumulate([[0, 1, 0.7]]);
    const before = [JSON.stringify(a), JSON.stringify(b)];
    a.merge(b);
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual(before);
  });

  test('bad rows are counted by reason and left out, never thrown', () => {
    const acc = new ClassificationAccumulator({ maxClasses: 2 });
    acc.record(1, 1, 0.8).record(0, 0, 0.3);
    expect(() => {
      acc.record(0.5, 1, 0.2); // continuous label
      acc.record('a', 'a', 0.2); // other label kind
      acc.record(null as unknown as number, 1); // not a label
      acc.record(1, 0, Number.NaN);
      acc.record(1, 0, 1.5);
      acc.record(0, 1, [0.5, 0.5]); // a row where a binary score is expected
      acc.record(2, 2, 0.5); // a third class over maxClasses = 2
    }).not.toThrow();
    expect(acc.skipped).toEqual({ label: 3, score: 3, classLimit: 1 });
    const result = acc.result();
    expect(result.count).toBe(2);
    expect(result.accuracy).toBe(1);
    expect(result.rocAuc).toBe(1);
  });

  test('undefined metrics are NaN, not thrown (ROC AUC with one class, nothing recorded)', () => {
    expect(new ClassificationAccumulator().result()).toMatchObject({ count: 0, accuracy: Number.NaN, rocAuc: Number.NaN, logLoss: Number.NaN });
    expect(accumulate([[1, 1, 0.9], [1, 0, 0.4]]).result().rocAuc).toBeNaN();
  });

  test('a flood of distinct scores keeps memory bounded and the ROC AUC within its reported bound', () => {
    const acc = new ClassificationAccumulator({ maxExactScores: 1_000, scoreBins: 1_000 });
    const yTrue: number[] = [];
    const yScore: number[] = [];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 50_000; i++) {
      const truth = random() < 0.3 ? 1 : 0;
      // A separable-ish score: positives shifted up; every score distinct.
      const score = Math.min(1, Math.max(0, 0.35 + 0.25 * truth + 0.2 * (random() - 0.5) + 0.2 * (random() - 0.5)));
      yTrue.push(truth);
      yScore.push(score);
      acc.record(truth, score > 0.5 ? 1 : 0, score);
      if (i % 1_000 === 0) expect(acc.approxBytes()).toBeLessThanOrEqual(acc.maxBytes());
    }
    const result = acc.result();
    expect(result.rocAucExact).toBe(false);
    const exact = rocAuc(yTrue, yScore);
    const measuredError = Math.abs(result.rocAuc - exact);
    expect(measuredError).toBeLessThanOrEqual(result.rocAucErrorBound);
    expect(result.rocAucErrorBound).toBeLessThan(2e-3);
    expect(measuredError).toBeLessThan(1e-4);
    expect(acc.approxBytes()).toBeLessThanOrEqual(100_000);
  });

  test('options are validated with actionable messages; merging different options is refused', () => {
    expect(() => new ClassificationAccumulator({ maxClasses: 0 })).toThrow(/options\.maxClasses must be an integer >= 1, got 0/);
    expect(() => new ClassificationAccumulator({ task: 'ternary' as 'binary' })).toThrow(/options\.task/);
    expect(() => new ClassificationAccumulator({ classes: ['a'] })).toThrow(/at least two classes/);
    expect(() => new ClassificationAccumulator().merge(new ClassificationAccumulator({ scoreBins: 10 }))).toThrow(RangeError);
    expect(() => ClassificationAccumulator.fromJSON({ type: 'classification-accumulator' })).toThrow(/ClassificationAccumulator\.fromJSON: options/);
  });
});

describe('ClassificationAccumulator (multiclass)', () => {
  const multiclassRow = fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2), fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })));

  test('matches the batch macro/micro/weighted scores and log loss; halves merge to one pass', () => {
    fc.assert(
      fc.property(fc.array(multiclassRow, { minLength: 1, maxLength: 50 }), (rows) => {
        const probabilities = rows.map(([, , p]) => p.map((x) => x / (p[0] + p[1] + p[2])));
        const options: ClassificationAccumulatorOptions = { task: 'multiclass', classes: [0, 1, 2] };
        const build = (from: number, to: number) => {
          const acc = new ClassificationAccumulator(options);
          for (let i = from; i < to; i++) acc.record(rows[i]?.[0] as number, rows[i]?.[1] as number, probabilities[i]);
          return acc;
        };
        const result = build(0, rows.length).result();
        const yTrue = rows.map((r) => r[0]);
        const yPred = rows.map((r) => r[1]);
        for (const average of ['macro', 'micro', 'weighted'] as const) expectClose(result[average], precisionRecallF1(yTrue, yPred, { average }));
        expectClose(result.logLoss, logLoss(yTrue, probabilities, { labels: [0, 1, 2] }));
        expect(result.brierScore).toBeNaN();
        const middle = rows.length >> 1;
        expectClose(build(0, middle).merge(build(middle, rows.length)).result(), result);
      }),
    );
  });

  test('a probability row of the wrong length or a label outside the classes is skipped as a score problem', () => {
    const acc = new ClassificationAccumulator({ task: 'multiclass', classes: ['a', 'b', 'c'] });
    acc.record('a', 'a', [0.5, 0.5]).record('d', 'a', [0.2, 0.3, 0.5]).record('b', 'b', [0.1, 0.8, 0.1]);
    expect(acc.skipped).toEqual({ label: 0, score: 2, classLimit: 0 });
    expect(acc.result().logLoss).toBeCloseTo(-Math.log(0.8), 12);
  });
});
