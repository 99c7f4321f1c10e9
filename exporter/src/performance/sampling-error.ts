/**
 * Standard errors of window metrics (NannyML's "sampling error"): how much a metric computed on a
 * window of n rows moves from window to window by chance alone, given the window's own estimate.
 * Closed forms only, from counts and sums the accumulators already keep (docs/performance-accumulators.md).
 * Every function returns NaN where the error is undefined (fewer than 2 rows in its denominator).
 */

/**
 * Binomial standard error √(p(1 − p)/n) of a proportion p estimated from n trials
 * (accuracy over rows, precision over predicted positives, recall over actual positives).
 * @example binomialStandardError(0.9, 100) // 0.03
 */
export function binomialStandardError(p: number, n: number): number {
  if (!(n >= 2) || !(p >= 0 && p <= 1)) return Number.NaN;
  return Math.sqrt((p * (1 - p)) / n);
}

/**
 * Delta-method standard error of F1 = 2·TP / (2·TP + FP + FN), treating the confusion cells as
 * multinomial counts. F1 is scale-free in the cells, so with E = FP + FN the variance reduces to
 * 4·TP·E·(TP + E) / (2·TP + E)⁴ (TN drops out).
 * @example f1StandardError(40, 10, 10) // 0.0374…
 */
export function f1StandardError(truePositive: number, falsePositive: number, falseNegative: number): number {
  const errors = falsePositive + falseNegative;
  const relevant = truePositive + errors;
  if (!(relevant >= 2)) return Number.NaN;
  const denominator = 2 * truePositive + errors;
  return (2 * Math.sqrt(truePositive * errors * relevant)) / (denominator * denominator);
}

/**
 * DeLong et al. (1988) standard error of a ROC AUC from grouped scores, listed from the highest
 * score down as [negatives, positives] per distinct score (or histogram bin: rows of one group
 * count as ties). Each positive's placement V10 is the share of negatives below it (ties ½), each
 * negative's V01 the share of positives above it; SE² = S10/P + S01/N with S the (n − 1) variances
 * of the placements. Weights may be fractional (CBPE's expected positives Σp and negatives Σ(1 − p)).
 * Unlike Hanley–McNeil's closed form (exact only for exponential score distributions; it was 45 %
 * off on the skewed scores of the Monte-Carlo test) it needs no distributional assumption.
 * @example delongStandardError([[0, 1], [1, 1], [1, 0]]) // 0.1767…: AUC 0.875 on two positives and two negatives
 */
export function delongStandardError(groupsDescending: ReadonlyArray<readonly [number, number]>): number {
  let positives = 0;
  let negatives = 0;
  for (const [groupNegatives, groupPositives] of groupsDescending) {
    negatives += groupNegatives;
    positives += groupPositives;
  }
  if (!(positives > 1 && negatives > 1)) return Number.NaN;
  // Placements per group: V10 for its positives, V01 for its negatives.
  let positivesAbove = 0;
  let negativesAbove = 0;
  let sumV10 = 0;
  let sumV10Squared = 0;
  let sumV01 = 0;
  let sumV01Squared = 0;
  for (const [groupNegatives, groupPositives] of groupsDescending) {
    const v10 = (negatives - negativesAbove - groupNegatives / 2) / negatives;
    const v01 = (positivesAbove + groupPositives / 2) / positives;
    sumV10 += groupPositives * v10;
    sumV10Squared += groupPositives * v10 * v10;
    sumV01 += groupNegatives * v01;
    sumV01Squared += groupNegatives * v01 * v01;
    positivesAbove += groupPositives;
    negativesAbove += groupNegatives;
  }
  const s10 = Math.max(0, (sumV10Squared - (sumV10 * sumV10) / positives) / (positives - 1));
  const s01 = Math.max(0, (sumV01Squared - (sumV01 * sumV01) / negatives) / (negatives - 1));
  return Math.sqrt(s10 / positives + s01 / negatives);
}

/**
 * Standard error of a mean from the sum and the sum of squares of n values: the sample standard
 * deviation (n − 1 in the denominator) over √n. Used for the mean per-row loss (log loss, Brier,
 * MAE, MAPE).
 * @example meanStandardError(6, 14, 3) // √(1/3): values 1, 2, 3
 */
export function meanStandardError(sum: number, sumOfSquares: number, n: number): number {
  if (!(n >= 2)) return Number.NaN;
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  return Math.sqrt(variance / n);
}

/**
 * Delta-method standard error of RMSE = √MSE: SE(MSE) / (2·RMSE), where SE(MSE) is the standard
 * error of the mean of the squared errors (from Σe² and Σe⁴). NaN when RMSE is 0 (no spread to
 * linearise around) or n < 2.
 * @example rmseStandardError(8, 32, 4) // 0: every |e| = √2
 */
export function rmseStandardError(sumOfSquaredErrors: number, sumOfFourthPowers: number, n: number): number {
  const rmse = Math.sqrt(sumOfSquaredErrors / n);
  if (!(n >= 2) || !(rmse > 0)) return Number.NaN;
  return meanStandardError(sumOfSquaredErrors, sumOfFourthPowers, n) / (2 * rmse);
}
