/**
 * Writes the performance part of a snapshot into the observable instruments through the prebuilt
 * series of `PerformanceSeries`: label counters and gauges, realised and estimated metrics per
 * segment, baseline and degradation, concept-drift state and detections, fairness per group and
 * attribute. Only series with data are written; a gauge not written reads NaN from the next
 * collection on (`SeriesTracker`). @internal
 */
import { EVICTION_REASONS, LABEL_OUTCOMES } from './metric-names.js';
import type { PerformanceSeries, SegmentPerformanceSeries } from './performance-series.js';
import type { PerformanceSnapshot, SegmentPerformanceSnapshot } from './performance-snapshot.js';
import type { Series, SeriesSink, SeriesTracker } from './series-tracker.js';

/** Writes `value` when it is finite. */
function writeFinite(result: SeriesSink, tracker: SeriesTracker, series: Series, value: number): void {
  if (Number.isFinite(value)) tracker.write(result, series, value);
}

function observeSegment(result: SeriesSink, tracker: SeriesTracker, series: SegmentPerformanceSeries, segment: SegmentPerformanceSnapshot): void {
  if (segment.coverage !== null) tracker.write(result, series.coverage, segment.coverage);
  if (segment.samples > 0) {
    tracker.write(result, series.samples, segment.samples);
    for (const [metric, value] of Object.entries(segment.metrics)) {
      const target = series.realised(metric);
      if (target !== undefined) tracker.write(result, target, value);
    }
    for (const [quantile, value] of Object.entries(segment.pinballLoss)) tracker.write(result, series.pinballLoss.get(quantile), value);
    for (const [metric, value] of Object.entries(segment.degradation)) tracker.write(result, series.degradation.get(metric), value);
    for (const [metric, value] of Object.entries(segment.samplingError)) tracker.write(result, series.samplingError.get(metric), value);
  }
  const estimated = segment.estimated;
  if (estimated !== null && estimated.samples > 0) {
    for (const [metric, value] of Object.entries(estimated.metrics)) {
      const target = series.estimated(metric);
      if (target !== undefined) tracker.write(result, target, value);
    }
    for (const [metric, value] of Object.entries(estimated.degradation)) tracker.write(result, series.estimatedDegradation.get(metric), value);
    for (const [metric, value] of Object.entries(estimated.samplingError)) tracker.write(result, series.estimatedSamplingError.get(metric), value);
  }
}

/** Writes every performance data point of `snapshot` through `tracker` (between its `begin` and `finish`). */
export function observePerformance(result: SeriesSink, tracker: SeriesTracker, series: PerformanceSeries, snapshot: PerformanceSnapshot): void {
  const { labels } = snapshot;
  LABEL_OUTCOMES.forEach((outcome, index) => {
    const target = series.labels[index];
    if (target !== undefined) tracker.write(result, target, labels.outcomes[outcome]);
  });
  EVICTION_REASONS.forEach((reason, index) => {
    const target = series.evicted[index];
    if (target !== undefined) tracker.write(result, target, labels.evicted[reason]);
  });
  tracker.write(result, series.labelsPending, labels.pending);
  for (const [metric, value] of Object.entries(snapshot.baseline)) tracker.write(result, series.baseline.get(metric), value);
  for (const segment of snapshot.segments) observeSegment(result, tracker, series.segment(segment.segment), segment);
  for (const detector of snapshot.concept) {
    const target = series.concept(detector.detector, detector.stream);
    tracker.write(result, target.detections, detector.detections);
    tracker.write(result, target.state, detector.state);
  }
  for (const attribute of snapshot.fairness) {
    const target = series.fairness(attribute.attribute);
    for (const group of attribute.groups) {
      const gauges = target.group(group.group);
      tracker.write(result, gauges.samples, group.samples);
      writeFinite(result, tracker, gauges.selectionRate, group.selectionRate);
      writeFinite(result, tracker, gauges.truePositiveRate, group.truePositiveRate);
      writeFinite(result, tracker, gauges.falsePositiveRate, group.falsePositiveRate);
    }
    writeFinite(result, tracker, target.demographicParityDifference, attribute.demographicParityDifference);
    writeFinite(result, tracker, target.disparateImpactRatio, attribute.disparateImpactRatio);
    writeFinite(result, tracker, target.equalOpportunityDifference, attribute.equalOpportunityDifference);
    writeFinite(result, tracker, target.equalizedOddsDifference, attribute.equalizedOddsDifference);
  }
}
