import { isMissing } from '../profile/is-missing.js';

/** How one current value of a feature was read. */
export type ReadValue<T> = { status: 'ok'; value: T } | { status: 'missing' } | { status: 'type_error' };

const MISSING = { status: 'missing' } as const;
const TYPE_ERROR = { status: 'type_error' } as const;

/**
 * Reads a value of a numeric feature: numbers (±Infinity included) and bigints are values; null,
 * undefined, '' and NaN are missing (as in profiles); anything else is a type error.
 */
export function readNumeric(raw: unknown): ReadValue<number> {
  if (isMissing(raw)) return MISSING;
  if (typeof raw === 'number') return { status: 'ok', value: raw };
  if (typeof raw === 'bigint') return { status: 'ok', value: Number(raw) };
  return TYPE_ERROR;
}

/**
 * Reads a value of a categorical or boolean feature as the label the profile stores: booleans as
 * "true"/"false", numbers as their decimal text, strings as they are (a boolean feature also takes
 * the strings "true"/"false"); objects and other types are type errors.
 */
export function readCategory(raw: unknown, kind: 'categorical' | 'boolean'): ReadValue<string> {
  if (isMissing(raw)) return MISSING;
  if (kind === 'boolean') {
    if (typeof raw === 'boolean') return { status: 'ok', value: String(raw) };
    if (raw === 'true' || raw === 'false') return { status: 'ok', value: raw };
    return TYPE_ERROR;
  }
  if (typeof raw === 'string') return { status: 'ok', value: raw };
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return { status: 'ok', value: String(raw) };
  return TYPE_ERROR;
}
