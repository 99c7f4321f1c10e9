import { PROM_LABELS } from '../metric-names';
import { lastFinite, labelOf, type Series } from './series';

/**
 * Parses the `importances` option, `name=value` pairs separated by commas or new lines.
 * Entries that are not `name=<finite number ≥ 0>` are returned in `invalid` (to show, not to throw).
 *
 * @example parseImportances('amount=0.4, country=0.1') // → { values: Map { amount → 0.4, country → 0.1 }, invalid: [] }
 */
export function parseImportances(text: string | undefined): { values: Map<string, number>; invalid: string[] } {
  const values = new Map<string, number>();
  const invalid: string[] = [];
  for (const entry of (text ?? '').split(/[,\n]/)) {
    const trimmed = entry.trim();
    if (trimmed === '') {
      continue;
    }
    const eq = trimmed.lastIndexOf('=');
    const name = eq > 0 ? trimmed.slice(0, eq).trim() : '';
    const value = eq > 0 ? Number(trimmed.slice(eq + 1).trim()) : Number.NaN;
    if (name === '' || !Number.isFinite(value) || value < 0 || trimmed.slice(eq + 1).trim() === '') {
      invalid.push(trimmed);
      continue;
    }
    values.set(name, value);
  }
  return { values, invalid };
}

/** Importances from series labelled `ml_feature_name` (the last finite sample of each). */
export function importancesFromSeries(series: readonly Series[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const s of series) {
    const name = labelOf(s, PROM_LABELS.feature);
    const value = lastFinite(s.values);
    if (name !== '' && Number.isFinite(value) && value >= 0) {
      values.set(name, value);
    }
  }
  return values;
}
