/**
 * OTel wiring: creates every instrument of the metric contract on a meter and writes a snapshot
 * into them from one batch observable callback, through the prebuilt series of `MonitorSeries`.
 * Pure mapping from snapshot to data points; the statistics come from `computeSnapshot`. @internal
 */
import type { Histogram, Meter, Observable, ObservableCounter, ObservableGauge } from '@opentelemetry/api';
import { DROP_REASONS, LABEL_DELAY_BUCKETS, MONITOR_METRICS, QUALITY_EVENT_CHECKS, type MonitorMetricKey } from './metric-names.js';
import type { FeatureSnapshot, MonitorSnapshot } from './monitor-snapshot.js';
import type { ColumnSeries, MonitorSeries } from './monitor-series.js';
import { observePerformance } from './observe-performance.js';
import type { SeriesSink, SeriesTracker } from './series-tracker.js';

/** The synchronous instruments (recorded outside the collection callback). */
export type SynchronousMetricKey = 'labelDelay';
export type ObservableMetricKey = Exclude<MonitorMetricKey, SynchronousMetricKey>;
export type MonitorInstruments = Record<ObservableMetricKey, ObservableGauge | ObservableCounter>;

/** Creates the `ml.label.delay` histogram with the contract's explicit bucket boundaries. */
export function createLabelDelayHistogram(meter: Meter): Histogram {
  const metric = MONITOR_METRICS.labelDelay;
  return meter.createHistogram(metric.name, { description: metric.description, unit: metric.unit, advice: { explicitBucketBoundaries: [...LABEL_DELAY_BUCKETS] } });
}

/** Creates the contract's observable instruments on `meter`. */
export function createMonitorInstruments(meter: Meter): MonitorInstruments {
  const entries = Object.entries(MONITOR_METRICS).filter(([, metric]) => metric.instrument !== 'Histogram').map(([key, metric]) => {
    const options = { description: metric.description, unit: metric.unit };
    const instrument = metric.instrument === 'ObservableCounter' ? meter.createObservableCounter(metric.name, options) : meter.createObservableGauge(metric.name, options);
    return [key, instrument] as const;
  });
  return Object.fromEntries(entries) as MonitorInstruments;
}

/** The instruments as the list `addBatchObservableCallback` takes. */
export function observablesOf(instruments: MonitorInstruments): Observable[] {
  return Object.values(instruments);
}

function observeDrift(result: SeriesSink, tracker: SeriesTracker, series: ColumnSeries, feature: FeatureSnapshot): void {
  const drift = feature.drift;
  if (drift === null) return;
  const gauges = series.drift(drift.method);
  if (Number.isFinite(drift.score)) tracker.write(result, gauges.score, drift.score);
  if (drift.pValue !== null && Number.isFinite(drift.pValue)) tracker.write(result, gauges.pValue, drift.pValue);
  tracker.write(result, gauges.threshold, drift.threshold);
  tracker.write(result, gauges.detected, drift.drifted ? 1 : 0);
  if (!series.prediction && Number.isFinite(drift.effectSize.value)) tracker.write(result, gauges.effectSize(drift.effectSize.measure), drift.effectSize.value);
}

function observeColumn(result: SeriesSink, tracker: SeriesTracker, series: ColumnSeries, feature: FeatureSnapshot): void {
  observeDrift(result, tracker, series, feature);
  const { quality } = feature;
  if (quality.missingRatio !== null) tracker.write(result, series.missingRatio, quality.missingRatio);
  if (quality.typeErrorRatio !== null) tracker.write(result, series.typeErrorRatio, quality.typeErrorRatio);
  if (quality.outOfRangeRatio !== null) tracker.write(result, series.outOfRangeRatio, quality.outOfRangeRatio);
  if (quality.unseenCategoryRatio !== null) tracker.write(result, series.unseenCategoryRatio, quality.unseenCategoryRatio);
  tracker.write(result, series.windowSamples, feature.samples);
  for (let index = 0; index < QUALITY_EVENT_CHECKS.length; index++) {
    const events = series.qualityEvents[index];
    if (events !== undefined) tracker.write(result, events, feature.qualityEvents[QUALITY_EVENT_CHECKS[index]!]);
  }
  const { cumulativeBinCounts, referenceFractions } = feature;
  for (let index = 0; index < cumulativeBinCounts.length; index++) {
    const observations = series.binObservations[index];
    const fraction = series.binReferenceFractions[index];
    if (observations === undefined || fraction === undefined) continue;
    tracker.write(result, observations, cumulativeBinCounts[index]!);
    tracker.write(result, fraction, referenceFractions[index] ?? 0);
  }
}

/**
 * Writes every data point of `snapshot` into `result` through `tracker`: values the SDK already
 * holds are not observed again, and gauge series that disappeared since the last call read NaN.
 */
export function observeSnapshot(result: SeriesSink, series: MonitorSeries, snapshot: MonitorSnapshot, tracker: SeriesTracker): void {
  tracker.begin();
  for (const feature of snapshot.features) observeColumn(result, tracker, series.column(feature.name, false, feature.cumulativeBinCounts.length), feature);
  for (const column of snapshot.predictions) observeColumn(result, tracker, series.column(column.name, true, column.cumulativeBinCounts.length), column);
  if (snapshot.dataset !== null) {
    tracker.write(result, series.datasetDriftShare, snapshot.dataset.driftedShare);
    tracker.write(result, series.datasetDriftDetected, snapshot.dataset.drifted ? 1 : 0);
    if (snapshot.dataset.weightedDriftedShare !== null) tracker.write(result, series.datasetDriftWeightedShare, snapshot.dataset.weightedDriftedShare);
  }
  if (snapshot.scoreMean !== null) tracker.write(result, series.predictionScoreMean, snapshot.scoreMean);
  tracker.write(result, series.windowSamples, snapshot.window.observations);
  const { counters } = snapshot;
  tracker.write(result, series.unknownFeatureEvents, counters.unknownFeatures);
  for (const [segment, count] of Object.entries(counters.observations)) tracker.write(result, series.segment(segment), count);
  DROP_REASONS.forEach((reason, index) => {
    const dropped = series.dropped[index];
    if (dropped !== undefined) tracker.write(result, dropped, counters.dropped[reason]);
  });
  tracker.write(result, series.segmentOverflow, counters.segmentOverflow);
  observePerformance(result, tracker, series.performance, snapshot.performance);
  tracker.finish(result);
}
