/**
 * OTel wiring: creates every instrument of the metric contract on a meter and writes a snapshot
 * into them from one batch observable callback. Pure mapping from snapshot to data points; the
 * statistics come from `computeSnapshot`. @internal
 */
import type { Attributes, BatchObservableResult, Histogram, Meter, Observable, ObservableCounter, ObservableGauge } from '@opentelemetry/api';
import { LABEL_DELAY_BUCKETS, MONITOR_ATTRIBUTES as A, MONITOR_METRICS, QUALITY_EVENT_CHECKS, UNKNOWN_FEATURE, type MonitorMetricKey } from './metric-names.js';
import type { FeatureSnapshot, MonitorSnapshot } from './monitor-snapshot.js';
import { observePerformance } from './observe-performance.js';
import type { SeriesTracker } from './series-tracker.js';

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

function observeFeatureDrift(gauges: GaugeWriter, instruments: MonitorInstruments, model: Attributes, feature: FeatureSnapshot, prediction: boolean): void {
  const drift = feature.drift;
  if (drift === null) return;
  const attributes = { ...model, [A.featureName]: feature.name, [A.driftMethod]: drift.method };
  const score = prediction ? instruments.predictionDriftScore : instruments.featureDriftScore;
  const pValue = prediction ? instruments.predictionDriftPValue : instruments.featureDriftPValue;
  const threshold = prediction ? instruments.predictionDriftThreshold : instruments.featureDriftThreshold;
  const detected = prediction ? instruments.predictionDriftDetected : instruments.featureDriftDetected;
  if (Number.isFinite(drift.score)) gauges(score, drift.score, attributes);
  if (drift.pValue !== null && Number.isFinite(drift.pValue)) gauges(pValue, drift.pValue, attributes);
  gauges(threshold, drift.threshold, attributes);
  gauges(detected, drift.drifted ? 1 : 0, attributes);
  if (!prediction && Number.isFinite(drift.effectSize.value)) {
    gauges(instruments.featureDriftEffectSize, drift.effectSize.value, { ...attributes, [A.effectSizeMeasure]: drift.effectSize.measure });
  }
}

function observeColumn(result: BatchObservableResult, gauges: GaugeWriter, instruments: MonitorInstruments, model: Attributes, feature: FeatureSnapshot): void {
  const attributes = { ...model, [A.featureName]: feature.name };
  const { quality } = feature;
  if (quality.missingRatio !== null) gauges(instruments.missingRatio, quality.missingRatio, attributes);
  if (quality.typeErrorRatio !== null) gauges(instruments.typeErrorRatio, quality.typeErrorRatio, attributes);
  if (quality.outOfRangeRatio !== null) gauges(instruments.outOfRangeRatio, quality.outOfRangeRatio, attributes);
  if (quality.unseenCategoryRatio !== null) gauges(instruments.unseenCategoryRatio, quality.unseenCategoryRatio, attributes);
  gauges(instruments.featureWindowSamples, feature.samples, attributes);
  for (const check of QUALITY_EVENT_CHECKS) {
    if (check !== 'unknown_feature') result.observe(instruments.qualityEvents, feature.qualityEvents[check], { ...attributes, [A.qualityCheck]: check });
  }
  feature.cumulativeBinCounts.forEach((count, index) => {
    const bin = { ...attributes, [A.binIndex]: index };
    result.observe(instruments.binObservations, count, bin);
    gauges(instruments.binReferenceFraction, feature.referenceFractions[index] ?? 0, bin);
  });
}

/** Observes one gauge data point. */
export type GaugeWriter = (instrument: Observable, value: number, attributes: Attributes) => void;

/** Writes every data point of `snapshot` into `result`; gauge series that disappeared since the last call read NaN. */
export function observeSnapshot(result: BatchObservableResult, instruments: MonitorInstruments, snapshot: MonitorSnapshot, tracker: SeriesTracker): void {
  const names = new Map<Observable, string>(Object.entries(instruments).map(([key, instrument]) => [instrument, key]));
  const gauges: GaugeWriter = (instrument, value, attributes) => tracker.observe(result, instrument, names.get(instrument) ?? '', value, attributes);
  const model = { [A.modelName]: snapshot.model.name, [A.modelVersion]: snapshot.model.version };
  for (const feature of snapshot.features) {
    observeFeatureDrift(gauges, instruments, model, feature, false);
    observeColumn(result, gauges, instruments, model, feature);
  }
  for (const column of snapshot.predictions) {
    observeFeatureDrift(gauges, instruments, model, column, true);
    observeColumn(result, gauges, instruments, model, column);
  }
  if (snapshot.dataset !== null) {
    gauges(instruments.datasetDriftShare, snapshot.dataset.driftedShare, model);
    gauges(instruments.datasetDriftDetected, snapshot.dataset.drifted ? 1 : 0, model);
    if (snapshot.dataset.weightedDriftedShare !== null) gauges(instruments.datasetDriftWeightedShare, snapshot.dataset.weightedDriftedShare, model);
  }
  if (snapshot.scoreMean !== null) gauges(instruments.predictionScoreMean, snapshot.scoreMean, model);
  gauges(instruments.windowSamples, snapshot.window.observations, model);
  result.observe(instruments.qualityEvents, snapshot.counters.unknownFeatures, { ...model, [A.featureName]: UNKNOWN_FEATURE, [A.qualityCheck]: 'unknown_feature' });
  for (const [segment, count] of Object.entries(snapshot.counters.observations)) result.observe(instruments.observations, count, { ...model, [A.segment]: segment });
  for (const [reason, count] of Object.entries(snapshot.counters.dropped)) result.observe(instruments.observationsDropped, count, { ...model, [A.dropReason]: reason });
  result.observe(instruments.attributeOverflow, snapshot.counters.segmentOverflow, { ...model, [A.overflowAttribute]: A.segment });
  observePerformance(result, gauges, instruments, model, snapshot.performance);
  tracker.finish(result);
}
