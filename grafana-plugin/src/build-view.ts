import { PROM_LABELS } from './metric-names';
import type { ResolvedOptions } from './types';
import { buildDistribution, type Distribution } from './transforms/distribution';
import { buildDriftTable, type DriftTable } from './transforms/drift-table';
import { pivotSegments, type Heatmap } from './transforms/segment-pivot';
import { whereLabel } from './transforms/pick-series';
import type { Series } from './transforms/series';

/** What the panel renders: one view's model, or a message for Grafana's data-error view. */
export type ViewModel =
  | { view: 'distribution'; distribution: Distribution }
  | { view: 'table'; table: DriftTable }
  | { view: 'segments'; heatmap: Heatmap }
  | { view: 'error'; message: string };

/**
 * Turns the panel's series into the selected view's model (pure; the panel only renders it).
 * Series of other models than `options.model` are dropped first.
 */
export function buildView(allSeries: readonly Series[], options: ResolvedOptions): ViewModel {
  const series = whereLabel(allSeries, PROM_LABELS.model, options.model);
  if (series.length === 0) {
    return { view: 'error', message: options.model ? `No series for model "${options.model}"` : 'No series in the query results' };
  }
  if (options.view === 'distribution') {
    const result = buildDistribution(series, options);
    return result.ok ? { view: 'distribution', distribution: result.value } : { view: 'error', message: result.message };
  }
  if (options.view === 'table') {
    const table = buildDriftTable(series, options);
    return table.rows.length > 0
      ? { view: 'table', table }
      : { view: 'error', message: 'No drift score series: query ml_feature_drift_score (and _p_value, _threshold, _detected)' };
  }
  const heatmap = pivotSegments(series, {
    rowLabel: options.rowLabel,
    columns: options.segmentColumns === 'time' ? { by: 'time', maxColumns: options.maxTimeColumns } : { by: 'label', label: options.columnLabel },
  });
  const hasValue = heatmap.cells.some((row) => row.some((v) => v !== null));
  return hasValue ? { view: 'segments', heatmap } : { view: 'error', message: 'No finite values to place by segment' };
}
