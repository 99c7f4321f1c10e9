/**
 * Constructor-option checks shared by the detectors: bad configuration throws here, at
 * construction, never on the update path.
 * @internal
 */

/** Throws unless `value` is a finite number inside the given bounds. */
export function checkNumber(
  name: string,
  value: unknown,
  bounds: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean } = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${describe(value)}`);
  }
  if (bounds.integer === true && !Number.isInteger(value)) {
    throw new RangeError(`${name} must be an integer, got ${value}`);
  }
  const { min, max } = bounds;
  if (min !== undefined && (bounds.minExclusive === true ? value <= min : value < min)) {
    throw new RangeError(`${name} must be ${bounds.minExclusive === true ? '>' : '>='} ${min}, got ${value}`);
  }
  if (max !== undefined && (bounds.maxExclusive === true ? value >= max : value > max)) {
    throw new RangeError(`${name} must be ${bounds.maxExclusive === true ? '<' : '<='} ${max}, got ${value}`);
  }
  return value;
}

/** Throws unless `value` is a boolean. */
export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean, got ${describe(value)}`);
  return value;
}

/** Throws when `options` holds a key outside `known` (a misspelt option would otherwise be silently ignored). */
export function checkKnownKeys(detector: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new RangeError(`${detector}: unknown option '${key}' (known: ${known.join(', ')})`);
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Throws unless `value` is one of `allowed`. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}
