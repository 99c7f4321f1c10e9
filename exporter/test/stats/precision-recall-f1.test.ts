import fc from 'fast-check';
import { accuracy, accuracyFromConfusionMatrix } from '../../src/stats/accuracy.js';
import { confusionMatrix } from '../../src/stats/confusion-matrix.js';
import { perClassPrecisionRecallF1, precisionRecallF1, precisionRecallF1FromConfusionMatrix } from '../../src/stats/precision-recall-f1.js';

// Expected numbers: scikit-learn 1.2.1 precision_recall_fscore_support / accuracy_score.
const cats = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
const catPredictions = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];

describe('accuracy', () => {
  it('is the fraction of exact matches', () => {
    expect(accuracy([0, 1, 2, 2], [0, 2, 2, 2])).toBe(0.75);
    expect(accuracyFromConfusionMatrix({ labels: [0, 1], counts: [[3, 1], [0, 4]] })).toBe(0.875);
  });

  it('is 1 when every prediction is right, even with a single class', () => {
    expect(accuracy([1, 1, 1], [1, 1, 1])).toBe(1);
  });

  it('rejects empty input and mixed label kinds', () => {
    expect(() => accuracy([], [])).toThrow(RangeError);
    expect(() => accuracy([0, 'a'], [0, 'a'])).toThrow(TypeError);
  });

  it('lies in [0, 1] and ignores row order', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 60 });
    const rowsAndPermutation = rows.chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length })));
    fc.assert(
      fc.property(rowsAndPermutation, ([pairs, shuffled]) => {
        const value = accuracy(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(accuracy(shuffled.map((p) => p[0]), shuffled.map((p) => p[1]))).toBe(value);
      }),
    );
  });
});

describe('precisionRecallF1', () => {
  it('binary scores of label 1 by default', () => {
    expect(precisionRecallF1([0, 1, 1, 0], [0, 1, 0, 1])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('macro, micro and weighted match scikit-learn on string labels', () => {
    expect(precisionRecallF1(cats, catPredictions, { average: 'macro' })).toEqual({ precision: 0.2222222222222222, recall: 0.3333333333333333, f1: 0.26666666666666666 });
    expect(precisionRecallF1(cats, catPredictions, { average: 'micro' })).toEqual({ precision: 0.3333333333333333, recall: 0.3333333333333333, f1: 0.3333333333333333 });
    expect(precisionRecallF1(cats, catPredictions, { average: 'weighted' })).toEqual({ precision: 0.2222222222222222, recall: 0.3333333333333333, f1: 0.26666666666666666 });
  });

  it('counts a class seen only in predictions with precision/recall 0/0 = 0', () => {
    expect(precisionRecallF1(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'macro' })).toEqual({ precision: 0.5, recall: 0.6666666666666666, f1: 0.5555555555555555 });
  });

  it('gives 0 when the positive class never occurs (sklearn zero_division default), 1 with zeroDivision 1', () => {
    expect(precisionRecallF1([0, 0], [0, 0])).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(precisionRecallF1([0, 0, 1], [0, 0, 0], { zeroDivision: 1 })).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(precisionRecallF1([0, 0, 2], [0, 0, 0], { average: 'macro', zeroDivision: 1 })).toEqual({ precision: 0.8333333333333333, recall: 0.5, f1: 0.4 });
  });

  it('is 1 everywhere for all-correct predictions', () => {
    expect(precisionRecallF1([0, 1, 2, 1], [0, 1, 2, 1], { average: 'macro' })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('averages over the given labels only', () => {
    expect(precisionRecallF1([0, 1, 2, 2], [0, 2, 2, 1], { average: 'macro', labels: [2, 1] })).toEqual({ precision: 0.25, recall: 0.25, f1: 0.25 });
    expect(precisionRecallF1([0, 1], [1, 1], { average: 'macro', labels: [1, 5] }).precision).toBe(0.25);
  });

  it('refuses binary averaging of three classes and a foreign posLabel, like scikit-learn', () => {
    expect(() => precisionRecallF1([0, 2, 3], [0, 2, 3])).toThrow(/at most two classes/);
    expect(() => precisionRecallF1([0, 2], [0, 2])).toThrow(/posLabel 1 is not one of/);
    expect(() => precisionRecallF1([0, 1], [0, 1], { average: 'samples' as never })).toThrow(/average must be one of/);
  });

  it('reports per-class scores and support', () => {
    const perClass = perClassPrecisionRecallF1([0, 1, 1], [0, 1, 0]);
    expect(perClass.labels).toEqual([0, 1]);
    expect(perClass.precision).toEqual([0.5, 1]);
    expect(perClass.recall).toEqual([1, 0.5]);
    expect(perClass.f1[0]).toBeCloseTo(2 / 3, 15);
    expect(perClass.support).toEqual([1, 2]);
  });

  it('micro-F1 equals accuracy for single-label multiclass, and the matrix form agrees', () => {
    const rows = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd')), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(rows, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        const yPred = pairs.map((p) => p[1]);
        const micro = precisionRecallF1(yTrue, yPred, { average: 'micro' });
        expect(micro.f1).toBeCloseTo(accuracy(yTrue, yPred), 14);
        expect(micro.precision).toBe(micro.recall);
        expect(precisionRecallF1FromConfusionMatrix(confusionMatrix(yTrue, yPred), { average: 'weighted' })).toEqual(precisionRecallF1(yTrue, yPred, { average: 'weighted' }));
      }),
    );
  });
});
