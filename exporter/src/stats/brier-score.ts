import { assertClassLabel, sortedUniqueLabels, type ClassLabel } from './class-labels.js';
import { assertFiniteNumbers, assertPairedRows } from './metric-arguments.js';
import { numpySum } from './numpy-sum.js';

/** Options of {@link brierScore}. */
export interface BrierScoreOptions {
  /**
   * The class whose probability `yProb` holds. Default as scikit-learn's `pos_label=None`: 1 when the
   * labels are within {0, 1} or {-1, 1}, otherwise the greater numeric label; string labels need it.
   */
  posLabel?: ClassLabel;
}

/**
 * Mean squared difference between the predicted probability of the positive class and the 0/1
 * outcome, matching scikit-learn 1.2.1 `sklearn.metrics.brier_score_loss(y_true, y_prob, pos_label=...)`
 * (no sample weights). 0 is perfect; always predicting 0.5 scores 0.25.
 *
 * @throws RangeError on empty/unequal inputs, more than two classes in `yTrue`, a probability outside
 *   [0, 1] or not finite; TypeError on string labels without `posLabel`.
 * @example brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3], { posLabel: 1 }) // 0.03749999999999999
 */
export function brierScore(yTrue: ArrayLike<ClassLabel>, yProb: ArrayLike<number>, options: BrierScoreOptions = {}): number {
  assertPairedRows('yTrue', yTrue, 'yProb', yProb);
  assertFiniteNumbers('yProb', yProb);
  const classes = sortedUniqueLabels(yTrue);
  if (classes.length > 2) throw new RangeError(`brierScore is binary but yTrue holds ${classes.length} classes (${JSON.stringify(classes)})`);
  for (let i = 0; i < yProb.length; i++) {
    const p = yProb[i] as number;
    if (p < 0 || p > 1) throw new RangeError(`yProb[${i}] = ${p} is not a probability in [0, 1]`);
  }
  const positive = options.posLabel ?? defaultPositiveLabel(classes);
  assertClassLabel('posLabel', positive);
  const squaredErrors = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const outcome = yTrue[i] === positive ? 1 : 0;
    squaredErrors[i] = (outcome - (yProb[i] as number)) ** 2;
  }
  return numpySum(squaredErrors) / squaredErrors.length;
}

function defaultPositiveLabel(classes: readonly ClassLabel[]): ClassLabel {
  if (classes.some((label) => typeof label === 'string')) {
    throw new TypeError(`yTrue holds string labels ${JSON.stringify(classes)}; pass options.posLabel to say which class yProb describes`);
  }
  const withinConventionalPairs = classes.every((label) => label === 0 || label === 1) || classes.every((label) => label === -1 || label === 1);
  return withinConventionalPairs ? 1 : (classes[classes.length - 1] as ClassLabel);
}
