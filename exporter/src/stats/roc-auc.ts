import { sortedUniqueLabels, type ClassLabel } from './class-labels.js';
import { assertFiniteNumbers, assertPairedRows } from './metric-arguments.js';
import { numpySum } from './numpy-sum.js';

/**
 * Area under the ROC curve of a binary classifier's scores, matching scikit-learn 1.2.1
 * `sklearn.metrics.roc_auc_score(y_true, y_score)` (binary, max_fpr=None, no sample weights).
 *
 * The positive class is the greater of the two labels in `yTrue` (1 for 0/1 labels), as scikit-learn.
 * The curve has one point per distinct score (tied scores move TPR and FPR together, i.e. a tie
 * counts 1/2 as in the Mann–Whitney U statistic); collinear points are dropped and the area is
 * the trapezoidal sum, in scikit-learn's order of operations. 1 = perfect ranking, 0 = inverted,
 * 0.5 = no skill. Batch only: the exact AUC needs every score (stream it through a sketch instead).
 *
 * @throws RangeError when `yTrue` holds only one class (scikit-learn raises ValueError: "Only one
 *   class present in y_true. ROC AUC score is not defined in that case.") or more than two, on
 *   empty/unequal inputs, and on a NaN or infinite score.
 * @example rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAuc(yTrue: ArrayLike<ClassLabel>, yScore: ArrayLike<number>): number {
  assertPairedRows('yTrue', yTrue, 'yScore', yScore);
  assertFiniteNumbers('yScore', yScore);
  const classes = sortedUniqueLabels(yTrue);
  if (classes.length < 2) {
    throw new RangeError(`only one class (${JSON.stringify(classes[0])}) present in yTrue; ROC AUC is not defined in that case`);
  }
  if (classes.length > 2) {
    throw new RangeError(`rocAuc is binary but yTrue holds ${classes.length} classes (${JSON.stringify(classes)})`);
  }
  const positive = classes[1] as ClassLabel;
  const { falsePositives, truePositives } = rocCurveCounts(yTrue, yScore, positive);
  const lastFalse = falsePositives[falsePositives.length - 1] as number;
  const lastTrue = truePositives[truePositives.length - 1] as number;
  const areas = new Float64Array(falsePositives.length - 1);
  for (let i = 1; i < falsePositives.length; i++) {
    const width = (falsePositives[i] as number) / lastFalse - (falsePositives[i - 1] as number) / lastFalse;
    areas[i - 1] = (width * ((truePositives[i] as number) / lastTrue + (truePositives[i - 1] as number) / lastTrue)) / 2;
  }
  return numpySum(areas);
}

/**
 * Cumulative false/true positive counts at each distinct score threshold, highest first, with the
 * origin prepended and collinear points dropped (scikit-learn `roc_curve(drop_intermediate=True)`).
 */
function rocCurveCounts(yTrue: ArrayLike<ClassLabel>, yScore: ArrayLike<number>, positive: ClassLabel): { falsePositives: number[]; truePositives: number[] } {
  const order = Array.from({ length: yScore.length }, (_, i) => i).sort((a, b) => (yScore[b] as number) - (yScore[a] as number));
  const falsePositives: number[] = [];
  const truePositives: number[] = [];
  let positivesSoFar = 0;
  order.forEach((row, rank) => {
    if (yTrue[row] === positive) positivesSoFar++;
    const next = order[rank + 1];
    if (next === undefined || yScore[next] !== yScore[row]) {
      truePositives.push(positivesSoFar);
      falsePositives.push(rank + 1 - positivesSoFar);
    }
  });
  const keep = (i: number): boolean => {
    if (i === 0 || i === falsePositives.length - 1 || falsePositives.length <= 2) return true;
    const secondDifference = (values: number[]) => (values[i + 1] as number) - 2 * (values[i] as number) + (values[i - 1] as number);
    return secondDifference(falsePositives) !== 0 || secondDifference(truePositives) !== 0;
  };
  const kept = falsePositives.map((_, i) => i).filter(keep);
  return {
    falsePositives: [0, ...kept.map((i) => falsePositives[i] as number)],
    truePositives: [0, ...kept.map((i) => truePositives[i] as number)],
  };
}
