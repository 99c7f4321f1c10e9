/**
 * What prediction logging does with one field: `drop` it, replace it by a keyed `hash`, or `keep` it.
 */

/** Per-field policy of prediction logging. */
export type FieldPolicy = 'drop' | 'hash' | 'keep';

/** Every policy, in order of increasing exposure. */
export const FIELD_POLICIES: readonly FieldPolicy[] = ['drop', 'hash', 'keep'];

/** A value as it may be written into a log attribute: a primitive, never an object. */
export type LoggedValue = string | number | boolean;

/**
 * The value of `raw` under `policy`, or undefined when nothing is to be written.
 * `keep` writes numbers, booleans and strings (strings cut to `maxStringLength`); `hash` writes the
 * keyed hash of the value's text form; objects, arrays, functions and symbols are never written.
 * @internal
 * @example applyFieldPolicy('keep', 'DE', hash, 256) // 'DE'
 * @example applyFieldPolicy('hash', 42, hash, 256) // e.g. '9f2c4a71d0b3e855'
 */
export function applyFieldPolicy(policy: FieldPolicy, raw: unknown, hash: (text: string) => string, maxStringLength: number): LoggedValue | undefined {
  if (policy === 'drop' || raw === undefined || raw === null) return undefined;
  const text = textOf(raw);
  if (text === undefined) return undefined;
  if (policy === 'hash') return hash(text);
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return text.length > maxStringLength ? text.slice(0, maxStringLength) : text;
}

/** The text form of a primitive (what is hashed), or undefined for values that are not written. */
function textOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  return undefined;
}
