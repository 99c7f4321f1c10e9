/**
 * Normalises the id that joins a prediction with its later label. @internal
 */

/** Longest id accepted (a W3C trace id is 32 hex characters; a UUID 36). */
export const MAX_LABEL_ID_LENGTH = 128;

/**
 * The map key of an id: a non-empty string of at most {@link MAX_LABEL_ID_LENGTH} characters as
 * it is, a finite number as its decimal string (so `42` and `'42'` join), anything else undefined
 * (the caller counts it as `invalid`).
 *
 * @example normalizeLabelId(42) // '42'
 * @example normalizeLabelId('4bf92f3577b34da6a3ce929d0e0e4736') // the trace id itself
 */
export function normalizeLabelId(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.length > 0 && raw.length <= MAX_LABEL_ID_LENGTH ? raw : undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw === 0 ? 0 : raw) : undefined;
  if (typeof raw === 'bigint') {
    const text = raw.toString();
    return text.length <= MAX_LABEL_ID_LENGTH ? text : undefined;
  }
  return undefined;
}
