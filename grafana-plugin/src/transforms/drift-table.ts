import { PROM_LABELS, PROM_METRICS } from '../metric-names';
import type { ResolvedOptions } from '../types';
import { importancesFromSeries, parseImportances } from './importances';
import { latestSeries } from './pick-series';
import { lastFinite, labelOf, type Series } from './series';
import { driftIntensity, severityOf, type Severity } from './severity';

/** One row of the drift table. */
export interface DriftTableRow {
  /** `ml_feature_name`; prediction/score columns are rows too (`kind: 'prediction'`). */
  feature: string;
  kind: 'feature' | 'prediction';
  model: string;
  version: string;
  method: string;
  score?: number;
  pValue?: number;
  threshold?: number;
  detected?: boolean;
  importance?: number;
  /** 1 at the threshold (see `driftIntensity`). */
  intensity: number;
  severity: Severity;
  /** importance × intensity (importance 1 when unknown); NaN sorts last. */
  rank: number;
  /** The score over the dashboard range, for the sparkline (finite samples only). */
  history: { times: number[]; values: number[] };
}

export interface DriftTable {
  rows: DriftTableRow[];
  /** Whether any row has a p-value / an importance / more than one model version (to show those columns). */
  hasPValues: boolean;
  hasImportances: boolean;
  multipleVersions: boolean;
  notes: string[];
}

const FAMILIES = [
  {
    kind: 'feature',
    score: PROM_METRICS.featureDriftScore,
    pValue: PROM_METRICS.featureDriftPValue,
    threshold: PROM_METRICS.featureDriftThreshold,
    detected: PROM_METRICS.featureDriftDetected,
  },
  {
    kind: 'prediction',
    score: PROM_METRICS.predictionDriftScore,
    pValue: PROM_METRICS.predictionDriftPValue,
    threshold: PROM_METRICS.predictionDriftThreshold,
    detected: PROM_METRICS.predictionDriftDetected,
  },
] as const;

/**
 * One row per (model, version, feature) from the `ml_feature_drift_*` (and `ml_prediction_drift_*`)
 * series: the latest score series decides the method, and p-value/threshold/verdict are read from
 * series of the same method. Importances come from the `importanceRefId` query or the `importances`
 * option. Sorted by `options.sortBy` (default importance × intensity, largest first).
 */
export function buildDriftTable(all: readonly Series[], options: ResolvedOptions): DriftTable {
  const notes: string[] = [];
  const parsed = parseImportances(options.importances);
  if (parsed.invalid.length > 0) {
    notes.push(`ignored importances: ${parsed.invalid.slice(0, 3).join(', ')}`);
  }
  const fromQuery = options.importanceRefId ? importancesFromSeries(all.filter((s) => s.refId === options.importanceRefId)) : new Map();
  const importances = fromQuery.size > 0 ? fromQuery : parsed.values;

  const rows: DriftTableRow[] = [];
  for (const family of FAMILIES) {
    const byKey = groupBy(
      all.filter((s) => s.metric === family.score),
      (s) => [labelOf(s, PROM_LABELS.model), labelOf(s, PROM_LABELS.version), labelOf(s, PROM_LABELS.feature)].join('\u0000'),
    );
    for (const scoreSeries of byKey.values()) {
      const latest = latestSeries(scoreSeries);
      if (!latest) {
        continue;
      }
      rows.push(buildRow(all, family, latest, importances, options.warningRatio));
    }
  }
  sortRows(rows, options.sortBy);
  const versions = new Set(rows.map((r) => `${r.model}\u0000${r.version}`));
  return {
    rows,
    hasPValues: rows.some((r) => r.pValue !== undefined),
    hasImportances: rows.some((r) => r.importance !== undefined),
    multipleVersions: versions.size > 1,
    notes,
  };
}

function buildRow(
  all: readonly Series[],
  family: (typeof FAMILIES)[number],
  scoreSeries: Series,
  importances: Map<string, number>,
  warningRatio: number,
): DriftTableRow {
  const model = labelOf(scoreSeries, PROM_LABELS.model);
  const version = labelOf(scoreSeries, PROM_LABELS.version);
  const feature = labelOf(scoreSeries, PROM_LABELS.feature);
  const method = labelOf(scoreSeries, PROM_LABELS.method);
  const sibling = (metric: string): number | undefined => {
    const match = latestSeries(
      all.filter(
        (s) =>
          s.metric === metric &&
          labelOf(s, PROM_LABELS.model) === model &&
          labelOf(s, PROM_LABELS.version) === version &&
          labelOf(s, PROM_LABELS.feature) === feature &&
          labelOf(s, PROM_LABELS.method) === method,
      ),
    );
    return finiteOrUndefined(match ? lastFinite(match.values) : Number.NaN);
  };
  const score = finiteOrUndefined(lastFinite(scoreSeries.values));
  const pValue = sibling(family.pValue);
  const threshold = sibling(family.threshold);
  const detectedValue = sibling(family.detected);
  const detected = detectedValue === undefined ? undefined : detectedValue === 1;
  const importance = importances.get(feature);
  const intensity = driftIntensity({ score, pValue, threshold });
  const history = { times: [] as number[], values: [] as number[] };
  scoreSeries.values.forEach((v, i) => {
    const t = scoreSeries.times[i];
    if (Number.isFinite(v) && t !== undefined && Number.isFinite(t)) {
      history.times.push(t);
      history.values.push(v);
    }
  });
  return {
    feature,
    kind: family.kind,
    model,
    version,
    method,
    score,
    pValue,
    threshold,
    detected,
    importance,
    intensity,
    severity: severityOf(intensity, detected, warningRatio),
    rank: (importance ?? 1) * intensity,
    history,
  };
}

function sortRows(rows: DriftTableRow[], sortBy: ResolvedOptions['sortBy']): void {
  const byName = (a: DriftTableRow, b: DriftTableRow): number => a.feature.localeCompare(b.feature) || a.version.localeCompare(b.version);
  const desc = (x: number, y: number): number => (Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : Number.isNaN(y) ? -1 : y - x);
  if (sortBy === 'name') {
    rows.sort(byName);
  } else if (sortBy === 'score') {
    rows.sort((a, b) => desc(a.score ?? Number.NaN, b.score ?? Number.NaN) || byName(a, b));
  } else {
    rows.sort((a, b) => desc(a.rank, b.rank) || byName(a, b));
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) {
      list.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}

function finiteOrUndefined(v: number): number | undefined {
  return Number.isFinite(v) ? v : undefined;
}
