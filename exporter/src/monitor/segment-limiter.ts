/**
 * Bounds the values of the `ml.segment` attribute: with an allowlist only its values pass, without
 * one the first `cap` distinct values seen pass; everything else (and non-strings, and strings
 * longer than the string limit) folds into OVERFLOW_SEGMENT and is counted as overflow. Keeps the
 * observations count per bounded value for the `ml.observations` counter. @internal
 */
import { NO_SEGMENT, OVERFLOW_SEGMENT } from './metric-names.js';

export class SegmentLimiter {
  /** Observations since creation per bounded segment value (at most cap + 2 entries); see `counts()`. */
  private readonly observations = new Map<string, number>([[NO_SEGMENT, 0]]);
  /** Observations of a monitor without segments (kept apart from the Map: one increment on the hot path). */
  private unsegmented = 0;
  /** Observations whose segment folded into OVERFLOW_SEGMENT. */
  overflowed = 0;
  private readonly allowlist: ReadonlySet<string> | undefined;
  private readonly cap: number;
  private readonly maxStringLength: number;
  private distinct = 0;

  constructor(options: { allowlist: ReadonlySet<string> | undefined; cap: number } | undefined, maxStringLength: number) {
    this.allowlist = options?.allowlist;
    this.cap = options === undefined ? 0 : options.cap;
    this.maxStringLength = maxStringLength;
  }

  private bounded(raw: unknown): string {
    if (raw === undefined || raw === null || raw === '') return NO_SEGMENT;
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
    if (value === undefined || value.length > this.maxStringLength || value === OVERFLOW_SEGMENT) return OVERFLOW_SEGMENT;
    if (this.allowlist !== undefined) return this.allowlist.has(value) ? value : OVERFLOW_SEGMENT;
    if (this.observations.has(value) && value !== NO_SEGMENT) return value;
    if (this.distinct < this.cap) {
      this.distinct++;
      return value;
    }
    return OVERFLOW_SEGMENT;
  }

  /** Counts one observation under the bounded value of `raw`, and returns that value. */
  count(raw: unknown): string {
    if (this.cap === 0 && this.allowlist === undefined) {
      this.unsegmented++;
      return NO_SEGMENT;
    }
    const label = this.bounded(raw);
    if (label === OVERFLOW_SEGMENT) this.overflowed++;
    this.observations.set(label, (this.observations.get(label) ?? 0) + 1);
    return label;
  }

  /** Observations since creation per bounded segment value ('' = no segment). */
  counts(): Record<string, number> {
    const counts = Object.fromEntries(this.observations) as Record<string, number>;
    counts[NO_SEGMENT] = (counts[NO_SEGMENT] ?? 0) + this.unsegmented;
    return counts;
  }
}
