/**
 * The in-process model monitor: windows aligned to the reference profile, drift and data-quality
 * gauges computed at collection time, and the metric contract (docs/metrics.md).
 */
export { createModelMonitor, MONITOR_METER_NAME } from './create-model-monitor.js';
export { MonitorMetricProducer } from './monitor-metric-producer.js';
export type { ModelMonitor } from './create-model-monitor.js';
export type { ModelMonitorOptions, TimeWindowOptions, CountWindowOptions } from './monitor-options.js';
export { MONITOR_DEFAULTS } from './monitor-options.js';
export type { Observation, ObservationColumns } from './monitor-state.js';
export type { MonitorSnapshot, FeatureSnapshot, FeatureQualityRatios } from './monitor-snapshot.js';
export {
  MONITOR_ATTRIBUTES,
  MONITOR_METRICS,
  UNKNOWN_FEATURE,
  OVERFLOW_SEGMENT,
  NO_SEGMENT,
  QUALITY_EVENT_CHECKS,
  DROP_REASONS,
  LABEL_OUTCOMES,
  EVICTION_REASONS,
  CONCEPT_DETECTORS,
  CONCEPT_STREAMS,
  PERFORMANCE_AVERAGES,
  LABEL_DELAY_BUCKETS,
  CONCEPT_DRIFT_EVENT,
} from './metric-names.js';
export type {
  MonitorMetricDefinition,
  MonitorInstrumentKind,
  MonitorMetricKey,
  MonitorAttributeKey,
  QualityEventCheck,
  DropReason,
  LabelOutcome,
  EvictionReason,
  ConceptDetectorName,
  ConceptStream,
  PerformanceAverage,
} from './metric-names.js';
export { PERFORMANCE_DEFAULTS } from './performance-options.js';
export type { LabelOptions, PerformanceOptions, PerformanceTask, DetectorOptions, FairnessOptions } from './performance-options.js';
export type { LabelCallOptions } from './performance-state.js';
export type { PerformanceSnapshot, SegmentPerformanceSnapshot, FairnessAttributeSnapshot, FairnessGroupSnapshot } from './performance-snapshot.js';
export type { ConceptDetectorSnapshot } from './concept-streams.js';
export { prometheusMetricName, prometheusLabelName, PATH_EXTRA_LABELS } from './prometheus-names.js';
export type { PrometheusPath } from './prometheus-names.js';
