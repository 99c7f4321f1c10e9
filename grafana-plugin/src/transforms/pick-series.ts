import { lastFiniteTime, labelOf, type Series } from './series';

/** The series with the most recent finite sample (replicas or a method change leave several). */
export function latestSeries(series: readonly Series[]): Series | undefined {
  let best: Series | undefined;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    const t = lastFiniteTime(s);
    if (best === undefined || t > bestTime) {
      best = s;
      bestTime = t;
    }
  }
  return best;
}

/** Series of one metric name, or — when the query dropped `__name__` — of one of the given refIds. */
export function seriesOfRole(series: readonly Series[], metric: string, refIds: readonly string[] = []): Series[] {
  const wanted = new Set(refIds.filter((r) => r !== ''));
  return series.filter((s) => s.metric === metric || (s.metric === '' && wanted.has(s.refId)));
}

/** Keeps series whose label `key` equals `value`; series without the label pass (e.g. a histogram without it). */
export function whereLabel(series: readonly Series[], key: string, value: string): Series[] {
  if (value === '') {
    return [...series];
  }
  return series.filter((s) => s.labels[key] === undefined || labelOf(s, key) === value);
}

/** Sorted distinct values of a label over the series that carry it. */
export function labelValues(series: readonly Series[], key: string): string[] {
  const values = new Set<string>();
  for (const s of series) {
    const v = s.labels[key];
    if (v !== undefined) {
      values.add(v);
    }
  }
  return [...values].sort();
}
