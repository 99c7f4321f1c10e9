/**
 * Writes the performance part of a snapshot into the observable instruments: label counters and
 * gauges, realised and estimated metrics per segment, baseline and degradation, concept-drift
 * state and detections, fairness per group and attribute. Only series with data are written. @internal
 */
import type { Attributes, BatchObservableResult } from '@opentelemetry/api';
import { MONITOR_ATTRIBUTES as A } from './metric-names.js';
import type { GaugeWriter, MonitorInstruments } from './monitor-instruments.js';
import type { PerformanceSnapshot, SegmentPerformanceSnapshot } from './performance-snapshot.js';

type InstrumentKey = keyof MonitorInstruments;

/** Realised metric name → instrument and `ml.performance.average` (when averaged). */
const REALISED: Readonly<Record<string, { instrument: InstrumentKey; average?: string }>> = {
  accuracy: { instrument: 'performanceAccuracy' },
  precision: { instrument: 'performancePrecision', average: 'binary' },
  recall: { instrument: 'performanceRecall', average: 'binary' },
  f1: { instrument: 'performanceF1', average: 'binary' },
  precision_macro: { instrument: 'performancePrecision', average: 'macro' },
  recall_macro: { instrument: 'performanceRecall', average: 'macro' },
  f1_macro: { instrument: 'performanceF1', average: 'macro' },
  precision_weighted: { instrument: 'performancePrecision', average: 'weighted' },
  recall_weighted: { instrument: 'performanceRecall', average: 'weighted' },
  f1_weighted: { instrument: 'performanceF1', average: 'weighted' },
  roc_auc: { instrument: 'performanceRocAuc' },
  log_loss: { instrument: 'performanceLogLoss' },
  brier: { instrument: 'performanceBrier' },
  mae: { instrument: 'performanceMae' },
  rmse: { instrument: 'performanceRmse' },
  mape: { instrument: 'performanceMape' },
  r2: { instrument: 'performanceR2' },
};

const ESTIMATED: Readonly<Record<string, InstrumentKey>> = {
  accuracy: 'estimatedAccuracy',
  precision: 'estimatedPrecision',
  recall: 'estimatedRecall',
  f1: 'estimatedF1',
  roc_auc: 'estimatedRocAuc',
};

function observeSegment(gauges: GaugeWriter, instruments: MonitorInstruments, model: Attributes, segment: SegmentPerformanceSnapshot): void {
  const attributes = { ...model, [A.segment]: segment.segment };
  if (segment.coverage !== null) gauges(instruments.labelCoverage, segment.coverage, attributes);
  if (segment.samples > 0) {
    gauges(instruments.performanceSamples, segment.samples, attributes);
    for (const [metric, value] of Object.entries(segment.metrics)) {
      const target = REALISED[metric];
      if (target !== undefined) gauges(instruments[target.instrument], value, target.average === undefined ? attributes : { ...attributes, [A.performanceAverage]: target.average });
    }
    for (const [quantile, value] of Object.entries(segment.pinballLoss)) gauges(instruments.performancePinballLoss, value, { ...attributes, [A.quantile]: quantile });
    for (const [metric, value] of Object.entries(segment.degradation)) gauges(instruments.performanceDegradation, value, { ...attributes, [A.performanceMetric]: metric });
    for (const [metric, value] of Object.entries(segment.samplingError)) gauges(instruments.performanceSamplingError, value, { ...attributes, [A.performanceMetric]: metric });
  }
  const estimated = segment.estimated;
  if (estimated !== null && estimated.samples > 0) {
    for (const [metric, value] of Object.entries(estimated.metrics)) {
      const instrument = ESTIMATED[metric];
      if (instrument !== undefined) gauges(instruments[instrument], value, attributes);
    }
    for (const [metric, value] of Object.entries(estimated.degradation)) gauges(instruments.estimatedDegradation, value, { ...attributes, [A.performanceMetric]: metric });
    for (const [metric, value] of Object.entries(estimated.samplingError)) gauges(instruments.estimatedSamplingError, value, { ...attributes, [A.performanceMetric]: metric });
  }
}

/** Writes every performance data point of `snapshot`. */
export function observePerformance(result: BatchObservableResult, gauges: GaugeWriter, instruments: MonitorInstruments, model: Attributes, snapshot: PerformanceSnapshot): void {
  const { labels } = snapshot;
  for (const [outcome, count] of Object.entries(labels.outcomes)) result.observe(instruments.labels, count, { ...model, [A.labelOutcome]: outcome });
  for (const [reason, count] of Object.entries(labels.evicted)) result.observe(instruments.predictionsEvicted, count, { ...model, [A.evictionReason]: reason });
  gauges(instruments.labelsPending, labels.pending, model);
  for (const [metric, value] of Object.entries(snapshot.baseline)) gauges(instruments.performanceBaseline, value, { ...model, [A.performanceMetric]: metric });
  for (const segment of snapshot.segments) observeSegment(gauges, instruments, model, segment);
  for (const detector of snapshot.concept) {
    const attributes = { ...model, [A.conceptDetector]: detector.detector, [A.conceptStream]: detector.stream };
    result.observe(instruments.conceptDetections, detector.detections, attributes);
    gauges(instruments.conceptState, detector.state, attributes);
  }
  for (const attribute of snapshot.fairness) {
    const attributes = { ...model, [A.fairnessAttribute]: attribute.attribute };
    for (const group of attribute.groups) {
      const groupAttributes = { ...attributes, [A.fairnessGroup]: group.group };
      gauges(instruments.fairnessGroupSamples, group.samples, groupAttributes);
      if (Number.isFinite(group.selectionRate)) gauges(instruments.fairnessSelectionRate, group.selectionRate, groupAttributes);
      if (Number.isFinite(group.truePositiveRate)) gauges(instruments.fairnessTruePositiveRate, group.truePositiveRate, groupAttributes);
      if (Number.isFinite(group.falsePositiveRate)) gauges(instruments.fairnessFalsePositiveRate, group.falsePositiveRate, groupAttributes);
    }
    const differences: ReadonlyArray<[InstrumentKey, number]> = [
      ['fairnessDemographicParityDifference', attribute.demographicParityDifference],
      ['fairnessDisparateImpactRatio', attribute.disparateImpactRatio],
      ['fairnessEqualOpportunityDifference', attribute.equalOpportunityDifference],
      ['fairnessEqualizedOddsDifference', attribute.equalizedOddsDifference],
    ];
    for (const [instrument, value] of differences) if (Number.isFinite(value)) gauges(instruments[instrument], value, attributes);
  }
}
