/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical distributions, and its
 * scale-free version normalised by the reference standard deviation.
 *
 * Convention: matches `scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights)`
 * (SciPy 1.10): W1 = ∫ |F_u(t) − F_v(t)| dt over the two (weighted) ECDFs, evaluated exactly over the
 * merged sorted values. Symmetric, >= 0, in the units of the data. Cost O((n + m) log(n + m)).
 */
import { assertBinEdges } from './binning.js';
import { assertSameLength, assertWeights } from './normalize.js';
import { numpySum } from './numpy-sum.js';

/** Optional per-observation weights (non-negative, positive total), as SciPy's `u_weights` / `v_weights`. */
export interface WassersteinOptions {
  uWeights?: ArrayLike<number>;
  vWeights?: ArrayLike<number>;
}

/** W1 with the reference standard deviation and their ratio. */
export interface NormalizedWassersteinResult {
  wasserstein: number;
  /** Population standard deviation of the reference (`numpy.std(reference, ddof=0)`). */
  referenceStd: number;
  /** wasserstein / referenceStd with IEEE division: Infinity when the std is 0 and W > 0, NaN when both are 0. */
  normalized: number;
}

/**
 * W1 distance between the empirical distributions of `u` and `v`, as
 * `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`.
 *
 * @throws {TypeError|RangeError} when a sample is empty or holds a non-finite value, or weights are
 *   negative, non-finite, all 0, or not one per value
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // 5
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>, options: WassersteinOptions = {}): number {
  assertFiniteSample('u', u);
  assertFiniteSample('v', v);
  const uCdf = sortedWithCumulativeWeights('u', u, options.uWeights);
  const vCdf = sortedWithCumulativeWeights('v', v, options.vWeights);
  return cdfDistance(uCdf, vCdf);
}

/**
 * W1 between `reference` and `current` (unweighted) plus W1 / std(reference, ddof=0): the
 * scale-free drift score (typical alert threshold 0.1). Matches
 * `scipy.stats.wasserstein_distance(reference, current) / numpy.std(reference)`.
 *
 * @throws {TypeError|RangeError} when a sample is empty or holds a non-finite value
 * @example normalizedWasserstein([1, 2, 3, 4], [2, 3, 4, 5]) // { wasserstein: 1, referenceStd: 1.118…, normalized: 0.894… }
 */
export function normalizedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): NormalizedWassersteinResult {
  const wasserstein = wassersteinDistance(reference, current);
  const referenceStd = populationStandardDeviation(reference);
  return { wasserstein, referenceStd, normalized: wasserstein / referenceStd };
}

/**
 * W1 between two histograms on the same reference-aligned INTERIOR `edges` (the `binning.ts`
 * convention), with each bin's mass placed at a representative point: the midpoint of an interior
 * bin, and the adjacent edge for the two open-ended outer bins. Equals
 * `scipy.stats.wasserstein_distance(points, points, referenceCounts, currentCounts)`. An
 * approximation of the sample W1 (exact up to within-bin placement); it needs only the counts the
 * monitor already keeps. With a single edge both bins sit at it and the result is 0.
 *
 * @throws {TypeError|RangeError} on bad edges, or counts that are not edges.length + 1 finite values >= 0 with a positive sum
 * @example wassersteinFromBinCounts([0, 1, 2], [0, 1, 0, 0], [0, 0, 1, 0]) // 1
 */
export function wassersteinFromBinCounts(edges: ArrayLike<number>, referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  if (edges.length < 1) throw new RangeError(`edges must hold at least one interior edge, got ${edges.length}`);
  assertBinEdges(edges);
  assertWeights('referenceCounts', referenceCounts);
  assertWeights('currentCounts', currentCounts);
  assertSameLength('referenceCounts', referenceCounts, 'currentCounts', currentCounts);
  if (referenceCounts.length !== edges.length + 1) {
    throw new RangeError(`counts must have edges.length + 1 = ${edges.length + 1} entries (one per bin), got ${referenceCounts.length}`);
  }
  const points = binRepresentativePoints(edges);
  return wassersteinDistance(points, points, { uWeights: referenceCounts, vWeights: currentCounts });
}

/** Population standard deviation, `numpy.std(values, ddof=0)`, summed in NumPy's order. @internal */
export function populationStandardDeviation(values: ArrayLike<number>): number {
  const mean = numpySum(values) / values.length;
  const squares = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const deviation = (values[i] as number) - mean;
    squares[i] = deviation * deviation;
  }
  return Math.sqrt(numpySum(squares) / values.length);
}

interface WeightedEcdf {
  /** Values sorted ascending. */
  sorted: Float64Array;
  /** cumulative[k] = total weight of the first k sorted values (length n + 1). */
  cumulative: Float64Array;
}

function sortedWithCumulativeWeights(name: string, values: ArrayLike<number>, weights: ArrayLike<number> | undefined): WeightedEcdf {
  const n = values.length;
  const cumulative = new Float64Array(n + 1);
  if (weights === undefined) {
    for (let k = 0; k <= n; k++) cumulative[k] = k;
    return { sorted: Float64Array.from(values).sort(), cumulative };
  }
  assertWeights(`${name}Weights`, weights);
  assertSameLength(name, values, `${name}Weights`, weights);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const index = order[k] as number;
    sorted[k] = values[index] as number;
    cumulative[k + 1] = (cumulative[k] as number) + (weights[index] as number);
  }
  return { sorted, cumulative };
}

/** ∫ |F_u − F_v| over the merged sorted values (SciPy's `_cdf_distance` with p = 1). */
function cdfDistance(u: WeightedEcdf, v: WeightedEcdf): number {
  const n = u.sorted.length;
  const m = v.sorted.length;
  const uTotal = u.cumulative[n] as number;
  const vTotal = v.cumulative[m] as number;
  const merged = mergeSorted(u.sorted, v.sorted);
  const areas = new Float64Array(n + m - 1);
  let iu = 0;
  let iv = 0;
  for (let k = 0; k < areas.length; k++) {
    const t = merged[k] as number;
    // Number of values <= t, i.e. numpy.searchsorted(sorted, t, side='right').
    while (iu < n && (u.sorted[iu] as number) <= t) iu++;
    while (iv < m && (v.sorted[iv] as number) <= t) iv++;
    const gap = Math.abs((u.cumulative[iu] as number) / uTotal - (v.cumulative[iv] as number) / vTotal);
    areas[k] = gap * ((merged[k + 1] as number) - t);
  }
  return numpySum(areas);
}

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) merged[k] = a[i++] as number;
    else merged[k] = b[j++] as number;
  }
  return merged;
}

function binRepresentativePoints(edges: ArrayLike<number>): Float64Array {
  const bins = edges.length + 1;
  const points = new Float64Array(bins);
  points[0] = edges[0] as number;
  for (let j = 1; j < bins - 1; j++) points[j] = ((edges[j - 1] as number) + (edges[j] as number)) / 2;
  points[bins - 1] = edges[edges.length - 1] as number;
  return points;
}

function assertFiniteSample(name: string, values: unknown): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TypeError(`${name} must be an array of numbers, got ${typeof values}`);
  }
  const sample = values as ArrayLike<unknown>;
  if (sample.length === 0) throw new RangeError(`${name} must hold at least one value, got an empty array`);
  for (let i = 0; i < sample.length; i++) {
    const value = sample[i];
    if (typeof value !== 'number') throw new TypeError(`${name}[${i}] must be a number, got ${typeof value}`);
    if (!Number.isFinite(value)) throw new RangeError(`${name}[${i}] must be finite, got ${value}`);
  }
}
