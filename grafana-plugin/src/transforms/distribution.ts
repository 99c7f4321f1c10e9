import { CATEGORICAL_METHODS, PROM_LABELS, PROM_METRICS } from '../metric-names';
import type { ResolvedOptions } from '../types';
import { binIndexLabels, parseBinLabels } from './bin-labels';
import { binsFromCounters, referenceFractions, toFractions, type CountReading } from './bins-from-counters';
import { categoricalTopK, type BinPair } from './categorical-top-k';
import { bucketLabels, cumulativeBucketsToBins } from './cumulative-buckets';
import { labelValues, latestSeries, seriesOfRole, whereLabel } from './pick-series';
import { lastFinite, labelOf, type Series } from './series';

/** The drift verdict shown above the bars (each value absent when its series is). */
export interface DistributionHeader {
  score?: number;
  method?: string;
  threshold?: number;
  pValue?: number;
  detected?: boolean;
  /** `ml_feature_window_samples`: usable values in the monitor's window (the drift sample size). */
  windowSamples?: number;
  /** Values counted in the current distribution over the dashboard range. */
  currentCount: number;
}

export interface Distribution {
  feature: string;
  /** Every feature present in the data, for the "showing X of …" hint. */
  features: string[];
  kind: 'numeric' | 'categorical';
  /** Where the bins came from: contract bin indexes or cumulative `le` buckets. */
  source: 'bin-index' | 'le-buckets';
  bins: BinPair[];
  header: DistributionHeader;
  hasReference: boolean;
  hasCurrent: boolean;
  /** Things worth telling the user (skipped series, bin count mismatch). */
  notes: string[];
}

export type DistributionResult = { ok: true; value: Distribution } | { ok: false; message: string };

/** refIds read as current / reference whatever the options say (descriptive names dashboards use). */
export const CONVENTIONAL_REF_IDS = { current: 'current', reference: 'reference' } as const;

/**
 * Builds the reference-vs-current distribution of one feature from Prometheus series:
 * current counts from `ml_feature_bin_observations_total` (raw counter, differenced over the range) or
 * from the `currentRefId` query (e.g. `increase(...[$__range])`, last sample), reference fractions from
 * `ml_feature_bin_reference_fraction` or the `referenceRefId` query. Series labelled `le` instead of
 * `ml_bin_index` are read as cumulative buckets. Both sides are normalised to fractions.
 */
export function buildDistribution(all: readonly Series[], options: ResolvedOptions): DistributionResult {
  const referenceRefIds = [options.referenceRefId, CONVENTIONAL_REF_IDS.reference];
  const currentAll = seriesOfRole(all, PROM_METRICS.binObservations, [options.currentRefId, CONVENTIONAL_REF_IDS.current]).concat(
    all.filter((s) => s.metric.endsWith('_bucket') && !referenceRefIds.includes(s.refId)),
  );
  const referenceAll = seriesOfRole(all, PROM_METRICS.binReferenceFraction, referenceRefIds);
  const features = labelValues([...currentAll, ...referenceAll], PROM_LABELS.feature);
  const feature = options.feature !== '' ? options.feature : (features[0] ?? '');
  const current = whereLabel(unique(currentAll), PROM_LABELS.feature, feature);
  const reference = whereLabel(referenceAll, PROM_LABELS.feature, feature);
  if (current.length === 0 && reference.length === 0) {
    const which = feature === '' ? '' : ` for feature "${feature}"`;
    return {
      ok: false,
      message:
        `No bin series${which}: query ${PROM_METRICS.binObservations} (or increase() of it as refId ${options.currentRefId} or "current") ` +
        `and ${PROM_METRICS.binReferenceFraction} (refId ${options.referenceRefId} or "reference")`,
    };
  }
  const notes: string[] = [];
  const reading = (s: Series): CountReading => currentReading(s, options);
  const header = buildHeader(all, feature);
  const useBuckets = [...current, ...reference].some((s) => s.labels[PROM_LABELS.le] !== undefined);
  const userLabels = parseBinLabels(options.binLabels);

  let currentCounts: number[];
  let referenceValues: number[];
  let labels: string[];
  if (useBuckets) {
    const cur = cumulativeBucketsToBins(current, reading);
    const ref = cumulativeBucketsToBins(reference, 'last');
    const bounds = cur.upperBounds.length >= ref.upperBounds.length ? cur.upperBounds : ref.upperBounds;
    currentCounts = alignByBounds(cur.upperBounds, cur.counts, bounds);
    referenceValues = alignByBounds(ref.upperBounds, ref.counts, bounds);
    labels = bucketLabels(bounds, formatBound).map((l, i) => userLabels[i] || l);
    noteSkipped(notes, cur.skipped + ref.skipped, 'le');
  } else {
    const cur = binsFromCounters(current, reading);
    const ref = referenceFractions(reference);
    const size = Math.max(cur.counts.length, ref.fractions.length);
    if (cur.counts.length > 0 && ref.fractions.length > 0 && cur.counts.length !== ref.fractions.length) {
      notes.push(`reference has ${ref.fractions.length} bins, current ${cur.counts.length}: missing bins read 0`);
    }
    currentCounts = pad(cur.counts, size);
    referenceValues = pad(ref.fractions, size);
    labels = binIndexLabels(size, resolveKind(options, header.method), userLabels);
    noteSkipped(notes, cur.skipped + ref.skipped, PROM_LABELS.binIndex);
  }
  const kind = useBuckets ? 'numeric' : resolveKind(options, header.method);
  const currentFractions = toFractions(currentCounts);
  const referenceFractionsNormalised = toFractions(referenceValues);
  const lastOther = kind === 'categorical' && !useBuckets;
  let bins: BinPair[] = labels.map((label, i) => ({
    label,
    reference: referenceFractionsNormalised[i] ?? 0,
    current: currentFractions[i] ?? 0,
    ...(lastOther && i === labels.length - 1 ? { other: true } : {}),
  }));
  if (kind === 'categorical') {
    bins = categoricalTopK(bins, options.topK);
  }
  header.currentCount = currentCounts.reduce((a, b) => a + b, 0);
  return {
    ok: true,
    value: {
      feature,
      features,
      kind,
      source: useBuckets ? 'le-buckets' : 'bin-index',
      bins,
      header,
      hasReference: reference.length > 0,
      hasCurrent: current.length > 0,
      notes,
    },
  };
}

function currentReading(s: Series, options: ResolvedOptions): CountReading {
  if (options.currentMode === 'counter') {
    return 'counter';
  }
  if (options.currentMode === 'increase') {
    return 'last';
  }
  return s.metric === PROM_METRICS.binObservations || s.metric.endsWith('_bucket') ? 'counter' : 'last';
}

function resolveKind(options: ResolvedOptions, method: string | undefined): 'numeric' | 'categorical' {
  if (options.featureKind !== 'auto') {
    return options.featureKind;
  }
  return method !== undefined && CATEGORICAL_METHODS.has(method) ? 'categorical' : 'numeric';
}

function buildHeader(all: readonly Series[], feature: string): DistributionHeader {
  const of = (metric: string): Series[] => whereLabel(all.filter((s) => s.metric === metric), PROM_LABELS.feature, feature);
  const scoreSeries = latestSeries(of(PROM_METRICS.featureDriftScore));
  const method = scoreSeries ? labelOf(scoreSeries, PROM_LABELS.method) || undefined : undefined;
  const sameMethod = (metric: string): Series | undefined => {
    const candidates = of(metric);
    return latestSeries(method ? candidates.filter((s) => labelOf(s, PROM_LABELS.method) === method) : candidates) ?? latestSeries(candidates);
  };
  const value = (s: Series | undefined): number | undefined => {
    const v = s ? lastFinite(s.values) : Number.NaN;
    return Number.isFinite(v) ? v : undefined;
  };
  const detected = value(sameMethod(PROM_METRICS.featureDriftDetected));
  return {
    score: value(scoreSeries),
    method,
    threshold: value(sameMethod(PROM_METRICS.featureDriftThreshold)),
    pValue: value(sameMethod(PROM_METRICS.featureDriftPValue)),
    detected: detected === undefined ? undefined : detected === 1,
    windowSamples: value(latestSeries(of(PROM_METRICS.featureWindowSamples))),
    currentCount: 0,
  };
}

/** The same series can arrive twice (a `_bucket` counter selected by name and by refId). */
function unique(series: Series[]): Series[] {
  return [...new Set(series)];
}

function pad(values: readonly number[], size: number): number[] {
  return Array.from({ length: size }, (_, i) => values[i] ?? 0);
}

function alignByBounds(bounds: readonly number[], counts: readonly number[], target: readonly number[]): number[] {
  const byBound = new Map(bounds.map((b, i) => [b, counts[i] ?? 0]));
  return target.map((b) => byBound.get(b) ?? 0);
}

function formatBound(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}

function noteSkipped(notes: string[], skipped: number, label: string): void {
  if (skipped > 0) {
    notes.push(`${skipped} series without a usable ${label} label or value were skipped`);
  }
}
