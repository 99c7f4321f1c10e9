/**
 * Median of a numeric array, `numpy.median` convention: the middle value, or the mean of the two
 * middle values for an even count. Sorts a copy; never mutates its input.
 *
 * @internal
 * @example median([3, 1, 2, 10]) // 2.5
 */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('median needs at least one value, got an empty array');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >>> 1;
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
