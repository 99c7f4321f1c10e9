/**
 * The one definition of a missing value in a profile: `null`, `undefined`, `NaN` and the empty
 * string `''` (what CSV readers produce for an empty cell). Everything else is a value, possibly of
 * the wrong type for its column (counted as a type error, never as missing).
 *
 * @example isMissing(Number.NaN) // true
 * @example isMissing(0) // false
 */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}
