import { compareClassLabels, sortedUniqueLabels } from '../../src/stats/class-labels.js';
import { ConfusionMatrixAccumulator } from '../../src/stats/confusion-matrix-accumulator.js';
import { confusionMatrix } from '../../src/stats/confusion-matrix.js';

describe('sortedUniqueLabels', () => {
  it('sorts numbers numerically (sklearn unique_labels)', () => {
    expect(sortedUniqueLabels([10, 2], [1, 2])).toEqual([1, 2, 10]);
  });

  it('sorts strings by code point like Python sorted()', () => {
    // Order printed by Python 3.11: sorted(['b', 'a', 'B', '\uffff', '\U0001F600', 'é'])
    expect(sortedUniqueLabels(['b', 'a', 'B', '\uffff', '😀', 'é'])).toEqual(['B', 'a', 'b', 'é', '\uffff', '😀']);
    expect(compareClassLabels('\uffff', '😀')).toBeLessThan(0);
  });

  it('refuses a mix of strings and numbers, and continuous values', () => {
    expect(() => sortedUniqueLabels([0, 'a'])).toThrow(TypeError);
    expect(() => sortedUniqueLabels([0, 1.5])).toThrow(/continuous/);
  });
});

describe('confusionMatrix', () => {
  it('uses the given label order (scikit-learn 1.2.1 confusion_matrix(labels=[1, 0]))', () => {
    expect(confusionMatrix([0, 1, 1], [0, 0, 1], { labels: [1, 0] })).toEqual({ labels: [1, 0], counts: [[1, 1], [0, 1]] });
  });

  it('defaults to the sorted union of labels (scikit-learn 1.2.1 confusion_matrix on strings)', () => {
    expect(confusionMatrix(['b', 'a', 'Z', 'a'], ['a', 'a', 'Z', 'b'])).toEqual({
      labels: ['Z', 'a', 'b'],
      counts: [
        [1, 0, 0],
        [0, 1, 1],
        [0, 1, 0],
      ],
    });
  });

  it('leaves out rows outside the given labels', () => {
    expect(confusionMatrix([0, 1, 2], [1, 2, 2], { labels: [1, 0] }).counts).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('throws clear errors on bad arguments', () => {
    expect(() => confusionMatrix([], [])).toThrow(/yTrue is empty/);
    expect(() => confusionMatrix([0, 1], [0])).toThrow(/same length/);
    expect(() => confusionMatrix([0, 1], [1, 0], { labels: [2, 3] })).toThrow(/at least one must/);
    expect(() => confusionMatrix([0, 1], [1, 0], { labels: [] })).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [1, 0], { labels: [1, 1] })).toThrow(/distinct/);
  });
});

describe('ConfusionMatrixAccumulator', () => {
  it('gives the batch matrix when fed row by row, and merging halves gives the whole', () => {
    const yTrue = [2, 0, 1, 1, 2, 0, 2, 3];
    const yPred = [2, 1, 1, 0, 2, 0, 3, 3];
    const whole = new ConfusionMatrixAccumulator();
    const first = new ConfusionMatrixAccumulator();
    const second = new ConfusionMatrixAccumulator();
    yTrue.forEach((truth, i) => {
      whole.record(truth, yPred[i] as number);
      (i < 3 ? first : second).record(truth, yPred[i] as number);
    });
    expect(whole.toConfusionMatrix()).toEqual(confusionMatrix(yTrue, yPred));
    expect(first.merge(second).toConfusionMatrix()).toEqual(whole.toConfusionMatrix());
    expect(whole.total).toBe(8);
  });

  it('counts the pairs left out by fixed labels', () => {
    const accumulator = new ConfusionMatrixAccumulator([0, 1]).record(0, 1).record(2, 1);
    expect(accumulator.ignored).toBe(1);
    expect(accumulator.total).toBe(1);
  });

  it('refuses a label of the other kind', () => {
    expect(() => new ConfusionMatrixAccumulator().record(0, 0).record('a', 0)).toThrow(TypeError);
  });
});
