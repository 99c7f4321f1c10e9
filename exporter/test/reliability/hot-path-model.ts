/**
 * An independent model of what the monitor must record for one raw value, written from the documented
 * rules (docs/architecture.md "Never hurt the host", docs/metrics.md), not from the implementation:
 * the fuzz tests compare the monitor's window counts with it.
 */
import type { FeatureProfile } from '../../src/profile/schema.js';

/** The data-quality checks a single value can raise. */
export type ExpectedEvent = 'missing' | 'type_error' | 'oversized_string' | 'non_finite';

/** What one raw value must become: a usable value in a bin (with side events), or a dropped value with its event. */
export type ExpectedOutcome =
  | { readonly usable: true; readonly bin: number; readonly outOfRange: boolean; readonly unseen: boolean }
  | { readonly usable: false; readonly event: ExpectedEvent };

const MAX_STRING_LENGTH = 256;

function isMissing(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '' || (typeof raw === 'number' && Number.isNaN(raw));
}

/** numpy searchsorted(edges, x, side='right'): how many edges are <= x. */
function numericBin(edges: readonly number[], x: number): number {
  return edges.filter((edge) => edge <= x).length;
}

/** The expected outcome of `raw` in a column described by `profile`. */
export function expectedOutcome(profile: FeatureProfile, raw: unknown): ExpectedOutcome {
  if (isMissing(raw)) return { usable: false, event: 'missing' };
  if (profile.kind === 'numeric') {
    const x = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : undefined;
    if (x === undefined) return { usable: false, event: 'type_error' };
    if (!Number.isFinite(x)) return { usable: false, event: 'non_finite' };
    const range = profile.range;
    return { usable: true, bin: numericBin(profile.binEdges, x), outOfRange: range !== null && range !== undefined && (x < range.min || x > range.max), unseen: false };
  }
  const labels = profile.categories.map((entry) => entry.value);
  const exact = profile.categoriesExact && profile.otherCount === 0;
  const categorical = (label: string): ExpectedOutcome => {
    const index = labels.indexOf(label);
    return { usable: true, bin: index >= 0 ? index : labels.length, outOfRange: false, unseen: index < 0 && exact };
  };
  if (typeof raw === 'boolean') return categorical(String(raw));
  if (typeof raw === 'string') {
    if (raw.length > MAX_STRING_LENGTH) return { usable: false, event: 'oversized_string' };
    if (profile.kind === 'boolean' && raw !== 'true' && raw !== 'false') return { usable: false, event: 'type_error' };
    return categorical(raw);
  }
  if (profile.kind === 'categorical' && (typeof raw === 'number' || typeof raw === 'bigint')) return categorical(String(raw));
  return { usable: false, event: 'type_error' };
}

/** Per-column tallies the monitor's snapshot must match. */
export interface ColumnTally {
  rows: number;
  samples: number;
  bins: number[];
  events: Record<ExpectedEvent | 'out_of_range' | 'unseen_category', number>;
}

export function emptyTally(binCount: number): ColumnTally {
  return { rows: 0, samples: 0, bins: new Array<number>(binCount).fill(0), events: { missing: 0, type_error: 0, oversized_string: 0, non_finite: 0, out_of_range: 0, unseen_category: 0 } };
}

/** Adds one raw value's expected outcome to `tally`. */
export function tallyValue(tally: ColumnTally, profile: FeatureProfile, raw: unknown): void {
  const outcome = expectedOutcome(profile, raw);
  tally.rows++;
  if (!outcome.usable) {
    tally.events[outcome.event]++;
    return;
  }
  tally.samples++;
  tally.bins[outcome.bin] = (tally.bins[outcome.bin] ?? 0) + 1;
  if (outcome.outOfRange) tally.events.out_of_range++;
  if (outcome.unseen) tally.events.unseen_category++;
}

/** The slot outcome of a timestamp in a time window of `slices` × `sliceMs` at clock `now`. */
export function timestampOutcome(raw: unknown, now: number, sliceMs: number, slices: number): 'accepted' | 'invalid_timestamp' | 'too_old' {
  if (raw === undefined || raw === null) return 'accepted';
  const t = raw instanceof Date ? raw.getTime() : typeof raw === 'number' ? raw : Number.NaN;
  if (!Number.isFinite(t)) return 'invalid_timestamp';
  const head = Math.floor(now / sliceMs);
  return Math.min(Math.floor(t / sliceMs), head) <= head - slices ? 'too_old' : 'accepted';
}
