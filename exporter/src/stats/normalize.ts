/**
 * Probability-vector helpers shared by the distances and divergences (PSI, Jensen-Shannon, KL,
 * Hellinger, total variation).
 *
 * Convention: a vector of non-negative weights (counts or probabilities) becomes `p / sum(p)`, as
 * SciPy does in `jensenshannon` and `entropy`; the sum is taken in NumPy's order (`numpySum`), so the
 * result is bit-identical to `p / numpy.sum(p)`.
 */
import { numpySum } from './numpy-sum.js';

/**
 * Throws unless `values` is a non-empty array (or typed array) of finite numbers >= 0 whose sum is > 0.
 *
 * @throws {TypeError} when `values` is not an array of numbers
 * @throws {RangeError} when it is empty, holds a negative / NaN / infinite entry, or sums to 0
 */
export function assertWeights(name: string, values: unknown): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TypeError(`${name} must be an array of non-negative numbers, got ${typeof values === 'object' ? String(values) : typeof values}`);
  }
  const weights = values as ArrayLike<unknown>;
  if (weights.length === 0) throw new RangeError(`${name} must hold at least one value, got an empty array`);
  let anyPositive = false;
  for (let i = 0; i < weights.length; i++) {
    const value = weights[i];
    if (typeof value !== 'number') throw new TypeError(`${name}[${i}] must be a number, got ${typeof value}`);
    if (!(value >= 0) || value === Infinity) {
      throw new RangeError(`${name}[${i}] must be a finite number >= 0, got ${value}`);
    }
    if (value > 0) anyPositive = true;
  }
  if (!anyPositive) throw new RangeError(`${name} must have a positive sum; every entry is 0, so it cannot be normalised`);
}

/** Throws a RangeError unless the two vectors have the same length (same bins / categories). */
export function assertSameLength(firstName: string, first: ArrayLike<number>, secondName: string, second: ArrayLike<number>): void {
  if (first.length !== second.length) {
    throw new RangeError(`${firstName} and ${secondName} must have the same length (one entry per bin); got ${first.length} and ${second.length}`);
  }
}

/**
 * Normalises non-negative weights to a probability vector, `p / numpy.sum(p)`; never mutates its input.
 *
 * @throws {TypeError|RangeError} see `assertWeights`
 * @example normalizeProbabilities('p', [1, 3]) // Float64Array [0.25, 0.75]
 */
export function normalizeProbabilities(name: string, values: ArrayLike<number>): Float64Array {
  assertWeights(name, values);
  const total = numpySum(values);
  const probabilities = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) probabilities[i] = (values[i] as number) / total;
  return probabilities;
}

/**
 * SciPy's `scipy.special.rel_entr(a, b)` for a, b >= 0: `a ln(a/b)` when both are > 0, 0 when a = 0,
 * +Infinity when a > 0 = b.
 *
 * @internal
 */
export function relativeEntropyTerm(a: number, b: number): number {
  if (a > 0 && b > 0) return a * Math.log(a / b);
  if (a === 0 && b >= 0) return 0;
  return Infinity;
}
