/**
 * Argument checks shared by the hypothesis tests.
 * @internal
 */

/** Throws unless `values` is an array (or typed array) of at least `minLength` numbers, none NaN. */
export function assertSample(name: string, values: unknown, minLength = 1): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new TypeError(`${name} must be an array of numbers, got ${describe(values)}`);
  }
  const sample = values as ArrayLike<unknown>;
  if (sample.length < minLength) {
    throw new RangeError(`${name} must hold at least ${minLength} value${minLength === 1 ? '' : 's'}, got ${sample.length}`);
  }
  for (let i = 0; i < sample.length; i++) {
    const value = sample[i];
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new TypeError(`${name}[${i}] must be a number (not NaN), got ${describe(value)}`);
    }
  }
}

/** Throws unless `values` is an array of finite, non-negative numbers (counts or weights). */
export function assertCounts(name: string, values: unknown, minLength = 1): asserts values is ArrayLike<number> {
  assertSample(name, values, minLength);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name}[${i}] must be a finite number >= 0, got ${value}`);
    }
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
}

/** Sorted ascending copy of a numeric sample (never mutates the input). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return String(value);
}
