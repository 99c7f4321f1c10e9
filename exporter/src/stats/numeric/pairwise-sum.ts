/**
 * Sums an array the way NumPy's `np.add.reduce` / `ndarray.sum()` does for a contiguous float64
 * array (pairwise summation with 8 partial sums per block of at most 128), so sums over the same
 * terms are bit-identical to NumPy's. Used where a statistic is matched against SciPy at tight
 * tolerances.
 *
 * @internal
 * @example pairwiseSum([0.1, 0.2, 0.3]) // 0.6000000000000001, as numpy.sum
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  if (length < 8) {
    let total = -0;
    for (let i = start; i < start + length; i++) total += values[i] as number;
    return total;
  }
  if (length <= 128) {
    const partial = new Float64Array(8);
    for (let j = 0; j < 8; j++) partial[j] = values[start + j] as number;
    let i = 8;
    for (; i < length - (length % 8); i += 8) {
      for (let j = 0; j < 8; j++) partial[j] = (partial[j] as number) + (values[start + i + j] as number);
    }
    const p = partial as unknown as number[];
    let total = ((p[0]! + p[1]!) + (p[2]! + p[3]!)) + ((p[4]! + p[5]!) + (p[6]! + p[7]!));
    for (; i < length; i++) total += values[start + i] as number;
    return total;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}
