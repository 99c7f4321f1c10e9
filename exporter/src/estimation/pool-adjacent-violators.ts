/**
 * Weighted pool-adjacent-violators: the non-decreasing sequence closest to `values` in weighted
 * least squares, the solution scikit-learn's `sklearn.isotonic.isotonic_regression(y,
 * sample_weight=w, increasing=True)` returns. Inputs are assumed already ordered by x, with
 * positive finite weights (callers validate).
 *
 * Runs in O(n): a stack of blocks (weighted mean, total weight, length); each new value becomes a
 * block and merges into its predecessor while the predecessor's mean is larger (equal means stay
 * separate blocks, which changes no fitted value and keeps already-monotone input bit-exact).
 *
 * @example poolAdjacentViolators([1, 3, 2, 4], [1, 1, 1, 1]) // [1, 2.5, 2.5, 4]
 * @internal
 */
export function poolAdjacentViolators(values: ArrayLike<number>, weights: ArrayLike<number>): number[] {
  const means: number[] = [];
  const totals: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let mean = values[i] as number;
    let total = weights[i] as number;
    let length = 1;
    while (means.length > 0 && (means[means.length - 1] as number) > mean) {
      const previousMean = means.pop() as number;
      const previousTotal = totals.pop() as number;
      length += lengths.pop() as number;
      const merged = previousTotal + total;
      mean = (previousMean * previousTotal + mean * total) / merged;
      total = merged;
    }
    means.push(mean);
    totals.push(total);
    lengths.push(length);
  }
  const fitted: number[] = [];
  means.forEach((mean, block) => {
    for (let k = 0; k < (lengths[block] as number); k++) fitted.push(mean);
  });
  return fitted;
}
