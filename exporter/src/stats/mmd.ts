/**
 * Maximum Mean Discrepancy (MMD²) between two multivariate samples with a Gaussian RBF kernel, and
 * the median-heuristic bandwidth.
 *
 * Convention (no library reference; matches the reference vectors' NumPy/SciPy definition, the biased
 * estimate equal to one built from `sklearn.metrics.pairwise.rbf_kernel(gamma = 1 / (2σ²))`):
 * `k(a, b) = exp(−‖a − b‖² / (2σ²))`, X has n rows, Y has m rows (rows = observations, d columns).
 * - unbiased U-statistic: `Σ_{i≠j} k(x_i, x_j) / (n(n−1)) + Σ_{i≠j} k(y_i, y_j) / (m(m−1)) − 2 Σ k(x_i, y_j) / (nm)`
 *   (diagonals excluded; can be slightly negative when the samples agree);
 * - biased V-statistic: the same with diagonals and 1/n², 1/m² (always >= 0).
 * Symmetric in X and Y. Cost: O((n + m)² d) time; the median heuristic also keeps all
 * (n + m)(n + m − 1)/2 pair distances in memory. For batch use on subsamples (a few thousand rows),
 * not on the record path.
 */
import { median } from './median.js';

/** Rows of a sample: each row one observation with the same number d >= 1 of finite features. */
export type SampleRows = ReadonlyArray<ArrayLike<number>>;

/** Options of `maximumMeanDiscrepancy`. */
export interface MmdOptions {
  /** Kernel bandwidth σ (finite, > 0), or 'median' for the median heuristic on the pooled sample (default). */
  sigma?: number | 'median';
}

/** Both MMD² estimates and the bandwidth used. */
export interface MmdResult {
  mmd2Unbiased: number;
  mmd2Biased: number;
  sigma: number;
}

/**
 * MMD² (unbiased and biased) of samples X (n × d) and Y (m × d) with a Gaussian RBF kernel.
 * If the median heuristic gives σ = 0 (every pooled row identical… or more than half of the pairs
 * identical) the kernel is undefined and the estimates are NaN (IEEE 0/0), as in the NumPy definition.
 *
 * @throws {TypeError|RangeError} when X or Y has fewer than 2 rows, rows of unequal or zero length,
 *   a non-finite value, or `sigma` is neither 'median' nor a finite number > 0
 * @example maximumMeanDiscrepancy([[0], [1]], [[0], [1]], { sigma: 1 }).mmd2Biased // 0
 */
export function maximumMeanDiscrepancy(x: SampleRows, y: SampleRows, options: MmdOptions = {}): MmdResult {
  const dimension = assertRows('X', x);
  assertRows('Y', y, dimension);
  const sigmaOption = options.sigma ?? 'median';
  if (sigmaOption !== 'median' && (typeof sigmaOption !== 'number' || !Number.isFinite(sigmaOption) || sigmaOption <= 0)) {
    throw new RangeError(`sigma must be 'median' or a finite number > 0, got ${String(sigmaOption)}`);
  }
  const xFlat = flatten(x, dimension);
  const yFlat = flatten(y, dimension);
  const sigma = sigmaOption === 'median' ? medianOfPooledDistances(xFlat, yFlat, dimension) : sigmaOption;
  const kernel = gaussianKernel(sigma);
  const n = x.length;
  const m = y.length;
  const xxOffDiagonalHalf = kernelSumWithin(xFlat, n, dimension, kernel);
  const yyOffDiagonalHalf = kernelSumWithin(yFlat, m, dimension, kernel);
  const xy = kernelSumBetween(xFlat, n, yFlat, m, dimension, kernel);
  const cross = (2 * xy) / (n * m);
  const mmd2Unbiased = (2 * xxOffDiagonalHalf) / (n * (n - 1)) + (2 * yyOffDiagonalHalf) / (m * (m - 1)) - cross;
  const diagonal = kernel(0);
  const mmd2Biased = (2 * xxOffDiagonalHalf + n * diagonal) / (n * n) + (2 * yyOffDiagonalHalf + m * diagonal) / (m * m) - cross;
  return { mmd2Unbiased, mmd2Biased, sigma };
}

/**
 * Median heuristic bandwidth: the median Euclidean distance over all unordered pairs i < j of the
 * pooled sample Z = [X; Y] (zero distances of duplicate rows included; an even count takes the mean of
 * the two middle values), as `numpy.median(scipy.spatial.distance.pdist(Z, 'euclidean'))`.
 * O((n + m)² d) time and O((n + m)²) memory.
 *
 * @throws {TypeError|RangeError} when X or Y has no row, or rows are ragged, empty or non-finite
 * @example medianHeuristicSigma([[0, 0]], [[3, 4]]) // 5
 */
export function medianHeuristicSigma(x: SampleRows, y: SampleRows): number {
  const dimension = assertRows('X', x, undefined, 1);
  assertRows('Y', y, dimension, 1);
  return medianOfPooledDistances(flatten(x, dimension), flatten(y, dimension), dimension);
}

/**
 * k as a function of the squared distance. k(0) = 1 for every σ > 0 (also when 2σ² underflows to 0);
 * σ = 0 gives NaN at distance 0 (0/0) and 0 elsewhere, as the NumPy definition does.
 */
function gaussianKernel(sigma: number): (squaredDistance: number) => number {
  const scale = -1 / (2 * sigma * sigma);
  const atZero = sigma > 0 ? 1 : NaN;
  return (squaredDistance) => (squaredDistance === 0 ? atZero : Math.exp(squaredDistance * scale));
}

function medianOfPooledDistances(xFlat: Float64Array, yFlat: Float64Array, dimension: number): number {
  const pooled = new Float64Array(xFlat.length + yFlat.length);
  pooled.set(xFlat, 0);
  pooled.set(yFlat, xFlat.length);
  const rows = pooled.length / dimension;
  const distances = new Float64Array((rows * (rows - 1)) / 2);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = i + 1; j < rows; j++) distances[k++] = Math.sqrt(squaredDistance(pooled, i, pooled, j, dimension));
  }
  return median(distances);
}

/** Σ_{i<j} k(a_i, a_j), compensated (Neumaier) so the abs error stays ~1e-16 per unit of the sum. */
function kernelSumWithin(flat: Float64Array, rows: number, dimension: number, kernel: (squaredDistance: number) => number): number {
  const sum = new CompensatedSum();
  for (let i = 0; i < rows; i++) {
    for (let j = i + 1; j < rows; j++) sum.add(kernel(squaredDistance(flat, i, flat, j, dimension)));
  }
  return sum.value();
}

/** Σ_{i, j} k(a_i, b_j), compensated. */
function kernelSumBetween(
  a: Float64Array,
  aRows: number,
  b: Float64Array,
  bRows: number,
  dimension: number,
  kernel: (squaredDistance: number) => number,
): number {
  const sum = new CompensatedSum();
  for (let i = 0; i < aRows; i++) {
    for (let j = 0; j < bRows; j++) sum.add(kernel(squaredDistance(a, i, b, j, dimension)));
  }
  return sum.value();
}

function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, dimension: number): number {
  let total = 0;
  const aStart = i * dimension;
  const bStart = j * dimension;
  for (let c = 0; c < dimension; c++) {
    const difference = (a[aStart + c] as number) - (b[bStart + c] as number);
    total += difference * difference;
  }
  return total;
}

/** Neumaier's improved Kahan summation. */
class CompensatedSum {
  private total = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.total + value;
    if (Math.abs(this.total) >= Math.abs(value)) this.compensation += this.total - next + value;
    else this.compensation += value - next + this.total;
    this.total = next;
  }

  value(): number {
    return this.total + this.compensation;
  }
}

function flatten(rows: SampleRows, dimension: number): Float64Array {
  const flat = new Float64Array(rows.length * dimension);
  rows.forEach((row, i) => {
    for (let c = 0; c < dimension; c++) flat[i * dimension + c] = row[c] as number;
  });
  return flat;
}

/** Validates a row matrix and returns its number of columns. */
function assertRows(name: string, rows: unknown, expectedDimension?: number, minRows = 2): number {
  if (!Array.isArray(rows)) throw new TypeError(`${name} must be an array of rows (number arrays), got ${typeof rows}`);
  if (rows.length < minRows) throw new RangeError(`${name} must hold at least ${minRows} rows, got ${rows.length}`);
  let dimension = expectedDimension;
  rows.forEach((row: unknown, i) => {
    if (!Array.isArray(row) && !(ArrayBuffer.isView(row) && !(row instanceof DataView))) {
      throw new TypeError(`${name}[${i}] must be an array of numbers (one observation), got ${typeof row}`);
    }
    const values = row as ArrayLike<unknown>;
    if (dimension === undefined) {
      if (values.length === 0) throw new RangeError(`${name}[0] must hold at least one feature, got an empty row`);
      dimension = values.length;
    }
    if (values.length !== dimension) {
      throw new RangeError(`${name}[${i}] has ${values.length} features; every row of X and Y must have ${dimension}`);
    }
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`${name}[${i}][${c}] must be a finite number, got ${String(value)}`);
      }
    }
  });
  return dimension ?? 0;
}
