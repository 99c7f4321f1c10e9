import { OVERFLOW_VALUE } from '../metric-names';
import { labelOf, lastFinite, type Series } from './series';

export interface HeatmapColumn {
  key: string;
  label: string;
  /** Start of the time bucket (epoch ms), for time columns. */
  start?: number;
}

export interface HeatmapRow {
  /** The label value (`''` when the series have no such label). */
  key: string;
  label: string;
  overflow: boolean;
}

export interface Heatmap {
  rows: HeatmapRow[];
  columns: HeatmapColumn[];
  /** cells[row][column]: mean of the samples that fall there, or null. */
  cells: Array<Array<number | null>>;
  min: number;
  max: number;
}

export interface PivotOptions {
  rowLabel: string;
  /** `time`: columns are time buckets; otherwise the name of the label giving the columns. */
  columns: { by: 'time'; maxColumns: number } | { by: 'label'; label: string };
}

/**
 * Pivots series into a heatmap: one row per value of `rowLabel` (e.g. `ml_segment`; no label reads
 * "(no segment)"; `__overflow__` last, marked), one column per time bucket (at most `maxColumns`
 * equal-width buckets over the samples' time span) or per value of a label (last sample). A cell
 * is the mean of what falls into it (replicas, several samples per bucket); NaN samples are ignored.
 *
 * @example
 * pivotSegments(series, { rowLabel: 'ml_segment', columns: { by: 'label', label: 'ml_feature_name' } })
 */
export function pivotSegments(series: readonly Series[], options: PivotOptions): Heatmap {
  const rowKeys = [...new Set(series.map((s) => labelOf(s, options.rowLabel)))].sort(compareRows);
  const rows = rowKeys.map((key) => ({ key, label: rowTitle(key, options.rowLabel), overflow: key === OVERFLOW_VALUE }));
  const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));
  const columns = options.columns.by === 'time' ? timeColumns(series, options.columns.maxColumns) : labelColumns(series, options.columns.label);
  const sums = rows.map(() => columns.map(() => 0));
  const counts = rows.map(() => columns.map(() => 0));
  const add = (row: number, column: number, value: number): void => {
    const sumRow = sums[row];
    const countRow = counts[row];
    if (sumRow && countRow && column >= 0 && column < columns.length && Number.isFinite(value)) {
      sumRow[column] = (sumRow[column] ?? 0) + value;
      countRow[column] = (countRow[column] ?? 0) + 1;
    }
  };
  for (const s of series) {
    const row = rowIndex.get(labelOf(s, options.rowLabel)) ?? -1;
    if (options.columns.by === 'time') {
      const locate = timeLocator(columns);
      s.values.forEach((v, i) => add(row, locate(s.times[i] ?? Number.NaN), v));
    } else {
      const key = labelOf(s, options.columns.label);
      add(row, columns.findIndex((c) => c.key === key), lastFinite(s.values));
    }
  }
  const cells = sums.map((sumRow, r) => sumRow.map((sum, c) => ((counts[r]?.[c] ?? 0) > 0 ? sum / (counts[r]?.[c] ?? 1) : null)));
  const finite = cells.flat().filter((v): v is number => v !== null);
  return {
    rows,
    columns,
    cells,
    min: finite.length > 0 ? Math.min(...finite) : Number.NaN,
    max: finite.length > 0 ? Math.max(...finite) : Number.NaN,
  };
}

function compareRows(a: string, b: string): number {
  if (a === OVERFLOW_VALUE || b === OVERFLOW_VALUE) {
    return a === b ? 0 : a === OVERFLOW_VALUE ? 1 : -1;
  }
  return a.localeCompare(b);
}

function rowTitle(key: string, rowLabel: string): string {
  if (key === OVERFLOW_VALUE) {
    return '__overflow__ (past cap)';
  }
  return key === '' ? `(no ${rowLabel.replace(/^ml_/, '').replace(/_/g, ' ')})` : key;
}

function labelColumns(series: readonly Series[], label: string): HeatmapColumn[] {
  const keys = [...new Set(series.map((s) => labelOf(s, label)))].sort();
  return keys.map((key) => ({ key, label: key === '' ? '(none)' : key }));
}

function timeColumns(series: readonly Series[], maxColumns: number): HeatmapColumn[] {
  const times = [...new Set(series.flatMap((s) => s.times.filter((t, i) => Number.isFinite(t) && Number.isFinite(s.values[i]))))].sort(
    (a, b) => a - b,
  );
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) {
    return [];
  }
  const limit = Math.max(1, Math.floor(maxColumns));
  if (times.length <= limit) {
    return times.map((t) => ({ key: String(t), label: formatTime(t), start: t }));
  }
  const width = (last - first) / limit;
  return Array.from({ length: limit }, (_, i) => {
    const start = first + i * width;
    return { key: String(start), label: formatTime(start), start };
  });
}

/** Maps a timestamp to the column whose bucket holds it (the last column holds its end), or -1. */
function timeLocator(columns: readonly HeatmapColumn[]): (t: number) => number {
  const starts = columns.map((c) => c.start ?? Number.NaN);
  return (t) => {
    if (!Number.isFinite(t) || starts.length === 0 || t < (starts[0] ?? Number.POSITIVE_INFINITY)) {
      return -1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? Number.POSITIVE_INFINITY) <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  };
}

function formatTime(t: number): string {
  const d = new Date(t);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
