import { brierScore } from '../../src/stats/brier-score.js';
import { logLoss } from '../../src/stats/log-loss.js';

// Expected numbers: scikit-learn 1.2.1 log_loss (eps='auto') and brier_score_loss.
describe('logLoss', () => {
  it('matches scikit-learn for binary scores and probability rows', () => {
    expect(logLoss([0, 1, 1], [0.1, 0.9, 0.8])).toBeCloseTo(0.14462152754328741, 15);
    expect(logLoss(['a', 'b'], [[0.7, 0.3], [0.4, 0.6]])).toBeCloseTo(0.4337502838523616, 15);
    expect(logLoss([0, 1, 1], [0.1, 0.9, 0.8], { normalize: false })).toBeCloseTo(0.43386458262986227, 15);
  });

  it('clips certain wrong answers at float64 epsilon instead of returning Infinity', () => {
    expect(logLoss([0, 1], [1, 0])).toBeCloseTo(36.04365338911715, 12);
  });

  it('is defined for a single class in yTrue when labels are given, and refuses otherwise', () => {
    expect(logLoss([1, 1], [0.9, 0.8], { labels: [0, 1] })).toBeCloseTo(0.164252033486018, 15);
    expect(() => logLoss([1, 1], [0.9, 0.8])).toThrow(/only one label/);
  });

  it('tends to 0 for confident correct predictions', () => {
    expect(logLoss([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toBeLessThan(1e-15);
  });

  it('rejects shapes that do not fit the classes, unknown truths and NaN', () => {
    expect(() => logLoss([0, 1, 2], [[0.2, 0.8], [0.3, 0.7], [0.5, 0.5]], { labels: [0, 1, 2] })).toThrow(/2 columns but there are 3 classes/);
    expect(() => logLoss([0, 1, 5], [0.2, 0.3, 0.5], { labels: [0, 1] })).toThrow(/yTrue\[2\] = 5/);
    expect(() => logLoss([0, 1], [0.2, Number.NaN])).toThrow(/finite/);
    expect(() => logLoss([], [])).toThrow(/empty/);
  });
});

describe('brierScore', () => {
  it('matches scikit-learn', () => {
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3], { posLabel: 1 })).toBeCloseTo(0.03749999999999999, 16);
    expect(brierScore(['no', 'yes', 'yes'], [0.1, 0.9, 0.8], { posLabel: 'yes' })).toBeCloseTo(0.019999999999999993, 16);
    expect(brierScore([2, 3, 3], [0.1, 0.2, 0.05])).toBeCloseTo(0.5175000000000001, 15);
  });

  it('is 0 for perfect probabilities and 0.25 for constant 0.5, single class included', () => {
    expect(brierScore([0, 1, 1], [0, 1, 1])).toBe(0);
    expect(brierScore([1, 1], [0.5, 0.5])).toBe(0.25);
  });

  it('refuses probabilities outside [0, 1], multiclass truth and unlabelled strings', () => {
    expect(() => brierScore([0, 1], [0.5, 1.05])).toThrow(/not a probability/);
    expect(() => brierScore([0, 1, 2], [0.5, 0.5, 0.5])).toThrow(/3 classes/);
    expect(() => brierScore(['a', 'b'], [0.5, 0.5])).toThrow(/posLabel/);
  });
});
