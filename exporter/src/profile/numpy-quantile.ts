/**
 * `numpy.quantile(a, q)` with numpy's default `method='linear'` (Hyndman & Fan type 7, R's default):
 * position h = (n - 1)·q between the sorted values, linear interpolation between its neighbours,
 * using numpy's two-sided lerp (from the lower value when the weight is below 0.5, from the upper
 * one otherwise) so results agree with numpy to the last bit.
 *
 * `sorted` must be sorted ascending and free of NaN; it is not copied or checked (the caller sorts once).
 *
 * @throws RangeError when `sorted` is empty or `q` is outside [0, 1].
 * @example quantileSortedLinear([1, 2, 3, 4], 0.5) // 2.5, as numpy.quantile([1, 2, 3, 4], 0.5)
 */
export function quantileSortedLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSortedLinear: sorted must hold at least one value');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSortedLinear: q must be in [0, 1]; got ${q}`);
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const weight = position - below;
  return numpyLerp(sorted[below] as number, sorted[above] as number, weight);
}

/**
 * numpy's `_lerp(a, b, t)` used by `numpy.quantile`: a + (b - a)·t for t < 0.5, b - (b - a)·(1 - t)
 * otherwise. Where b - a overflows float64 (numpy would return inf/nan), a·(1 - t) + b·t instead.
 *
 * @internal
 */
export function numpyLerp(low: number, high: number, weight: number): number {
  const difference = high - low;
  if (!Number.isFinite(difference)) return low * (1 - weight) + high * weight;
  return weight >= 0.5 ? high - difference * (1 - weight) : low + difference * weight;
}
