/**
 * Argument checks shared by the model-quality metrics (classification, regression, fairness).
 * @internal
 */

/** Throws unless `values` is an array or typed array. */
export function assertArrayLike(name: string, values: unknown): asserts values is ArrayLike<unknown> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TypeError(`${name} must be an array, got ${values === null ? 'null' : typeof values}`);
  }
}

/**
 * Throws unless `first` and `second` are non-empty arrays of the same length (one entry per row).
 * @internal
 */
export function assertPairedRows(firstName: string, first: unknown, secondName: string, second: unknown): void {
  assertArrayLike(firstName, first);
  assertArrayLike(secondName, second);
  if (first.length === 0) throw new RangeError(`${firstName} is empty; at least one row is needed`);
  if (first.length !== second.length) {
    throw new RangeError(`${firstName} and ${secondName} must have the same length, got ${first.length} and ${second.length}`);
  }
}

/** Throws unless every entry of `values` is a finite number (scikit-learn rejects NaN and ±Infinity). @internal */
export function assertFiniteNumbers(name: string, values: ArrayLike<unknown>): asserts values is ArrayLike<number> {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${name}[${i}] must be a finite number, got ${String(value)}`);
    }
  }
}
