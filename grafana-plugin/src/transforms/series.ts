import { FieldType, type DataFrame, type Field } from '@grafana/data';

/**
 * One labelled time series read out of Grafana data frames, the shape every view works from.
 * `values` may hold NaN (a retired series reads NaN in Prometheus); `times` are epoch milliseconds.
 */
export interface Series {
  refId: string;
  /** Prometheus metric name (`__name__` label), empty when the query dropped it (e.g. `increase()`). */
  metric: string;
  labels: Readonly<Record<string, string>>;
  times: number[];
  values: number[];
}

/**
 * Reads every series out of Prometheus query results, whatever the query's format:
 * - time series (one frame per series, or wide frames): a time field plus number fields carrying `labels`;
 * - tables (instant queries, format "Table"): string fields are label columns, each number field a value,
 *   one series per row.
 * Fields that are neither time, number nor string, and frames without a number field, are skipped.
 *
 * @example
 * seriesFromFrames([toDataFrame({ refId: 'A', fields: [
 *   { name: 'Time', type: 'time', values: [1000, 2000] },
 *   { name: 'Value', type: 'number', values: [3, 5], labels: { __name__: 'ml_window_samples' } },
 * ] })]);
 * // → [{ refId: 'A', metric: 'ml_window_samples', labels: { __name__: 'ml_window_samples' }, times: [1000, 2000], values: [3, 5] }]
 */
export function seriesFromFrames(frames: readonly DataFrame[] | undefined): Series[] {
  const out: Series[] = [];
  for (const frame of frames ?? []) {
    if (!frame || !Array.isArray(frame.fields)) {
      continue;
    }
    const numberFields = frame.fields.filter((f) => f?.type === FieldType.number);
    if (numberFields.length === 0) {
      continue;
    }
    const stringFields = frame.fields.filter((f) => f?.type === FieldType.string);
    const timeField = frame.fields.find((f) => f?.type === FieldType.time);
    const refId = frame.refId ?? '';
    if (stringFields.length > 0) {
      out.push(...tableRows(refId, timeField, stringFields, numberFields));
    } else {
      const times = timeField ? numbersOf(timeField) : [];
      for (const field of numberFields) {
        const values = numbersOf(field);
        const labels = { ...(field.labels ?? {}) };
        out.push({
          refId,
          metric: labels.__name__ ?? '',
          labels,
          times: alignTimes(times, values.length),
          values,
        });
      }
    }
  }
  return out;
}

function tableRows(refId: string, timeField: Field | undefined, labelFields: Field[], valueFields: Field[]): Series[] {
  const rows: Series[] = [];
  const times = timeField ? numbersOf(timeField) : [];
  const labelColumns = labelFields.map((f) => ({ name: f.name, values: valuesOf(f) }));
  for (const field of valueFields) {
    const values = numbersOf(field);
    values.forEach((value, row) => {
      const labels: Record<string, string> = { ...(field.labels ?? {}) };
      for (const column of labelColumns) {
        const v = column.values[row];
        if (v !== undefined && v !== null && v !== '') {
          labels[column.name] = String(v);
        }
      }
      rows.push({ refId, metric: labels.__name__ ?? '', labels, times: [times[row] ?? Number.NaN], values: [value] });
    });
  }
  return rows;
}

function valuesOf(field: Field): unknown[] {
  const values: unknown = field.values;
  if (Array.isArray(values)) {
    return values;
  }
  if (values && typeof (values as { toArray?: unknown }).toArray === 'function') {
    return (values as { toArray: () => unknown[] }).toArray();
  }
  return [];
}

function numbersOf(field: Field): number[] {
  return valuesOf(field).map(toNumber);
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && v.trim() !== '') {
    return Number(v);
  }
  return Number.NaN;
}

function alignTimes(times: number[], length: number): number[] {
  return Array.from({ length }, (_, i) => times[i] ?? Number.NaN);
}

/** The last finite value of a series, or NaN. */
export function lastFinite(values: readonly number[]): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v)) {
      return v;
    }
  }
  return Number.NaN;
}

/** Epoch ms of the last finite sample, or -Infinity when there is none. */
export function lastFiniteTime(series: Series): number {
  for (let i = series.values.length - 1; i >= 0; i--) {
    const v = series.values[i];
    if (v !== undefined && Number.isFinite(v)) {
      return series.times[i] ?? Number.NEGATIVE_INFINITY;
    }
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * Increase of a cumulative counter over its samples, like PromQL's `increase` without extrapolation:
 * each drop is a counter reset, after which the new value counts in full. Non-finite samples are skipped.
 *
 * @example counterIncrease([10, 12, 3, 5]) // → 2 + 3 + 2 = 7
 */
export function counterIncrease(values: readonly number[]): number {
  let total = 0;
  let previous: number | undefined;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      continue;
    }
    if (previous !== undefined) {
      total += v >= previous ? v - previous : v;
    }
    previous = v;
  }
  return total;
}

/** A series' label value, or `''` when absent (Prometheus omits empty labels). */
export function labelOf(series: Series, key: string): string {
  return series.labels[key] ?? '';
}
