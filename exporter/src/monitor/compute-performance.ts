/**
 * Collection-time half of delayed labels: merges the slots of the whole model (every segment,
 * reported as segment `''`) and of each seen segment value, reads the realised, estimated and
 * fairness metrics with their sampling errors, and orients the degradation against the profile's
 * baseline. @internal
 */
import type { CbpeAccumulator } from '../estimation/cbpe-accumulator.js';
import type { CbpeEstimate } from '../estimation/cbpe-estimate.js';
import type { ClassificationAccumulator } from '../performance/classification-accumulator.js';
import type { FairnessAccumulator } from '../performance/fairness-accumulator.js';
import type { RegressionAccumulator } from '../performance/regression-accumulator.js';
import { classificationMetricValues as classificationMetrics, classificationSamplingErrors, degradation, ESTIMATED_METRICS, finiteRecord as finite, regressionMetricValues as regressionMetrics, regressionSamplingErrors, TASK_METRICS } from '../performance/metric-values.js';
import { EVICTION_REASONS, LABEL_OUTCOMES, NO_SEGMENT, type EvictionReason, type LabelOutcome } from './metric-names.js';
import type { MonitorState } from './monitor-state.js';
import type { PerformanceTask } from '../performance/metric-values.js';
import type { FairnessAttributeSnapshot, PerformanceSnapshot, SegmentPerformanceSnapshot } from './performance-snapshot.js';
import type { SegmentSlice } from './performance-slice.js';

function estimatedMetrics(estimate: CbpeEstimate): Record<string, number> {
  return finite([
    ['accuracy', estimate.accuracy],
    ['precision', estimate.precision],
    ['recall', estimate.recall],
    ['f1', estimate.f1],
    ['roc_auc', estimate.rocAuc],
  ]);
}

function estimatedSamplingErrors(estimate: CbpeEstimate): Record<string, number> {
  const errors = estimate.samplingError;
  return finite([
    ['accuracy', errors.accuracy],
    ['precision', errors.precision],
    ['recall', errors.recall],
    ['f1', errors.f1],
    ['roc_auc', errors.rocAuc],
  ]);
}

function degradations(metrics: Record<string, number>, baseline: Record<string, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [metric, value] of Object.entries(metrics)) {
    const base = baseline[metric];
    const change = base === undefined ? null : degradation(metric, base, value);
    if (change !== null) record[metric] = change;
  }
  return record;
}

/** Merges the defined accumulators of one kind (no allocation when there is at most one). */
function mergeAll<T extends { merge(other: T): T }>(items: ReadonlyArray<T | undefined>): T | undefined {
  let merged: T | undefined;
  for (const item of items) if (item !== undefined) merged = merged === undefined ? item : merged.merge(item);
  return merged;
}

function segmentSnapshot(segment: string, slices: readonly SegmentSlice[], task: PerformanceTask, baseline: Record<string, number>): SegmentPerformanceSnapshot {
  let predictionsWithId = 0;
  let labelled = 0;
  for (const slice of slices) {
    predictionsWithId += slice.predictionsWithId;
    labelled += slice.labelled;
  }
  let samples = 0;
  let metrics: Record<string, number> = {};
  let samplingError: Record<string, number> = {};
  let pinballLoss: Record<string, number> = {};
  if (task === 'regression') {
    const merged = mergeAll<RegressionAccumulator>(slices.map((slice) => slice.regression));
    if (merged !== undefined && merged.count > 0) {
      const result = merged.result();
      samples = result.count;
      metrics = regressionMetrics(result);
      samplingError = regressionSamplingErrors(result);
      pinballLoss = finite(Object.entries(result.pinballLoss));
    }
  } else {
    const merged = mergeAll<ClassificationAccumulator>(slices.map((slice) => slice.classification));
    if (merged !== undefined && merged.count > 0) {
      const result = merged.result();
      samples = result.count;
      metrics = classificationMetrics(task, result);
      samplingError = classificationSamplingErrors(task, result);
    }
  }
  const cbpe = mergeAll<CbpeAccumulator>(slices.map((slice) => slice.cbpe));
  let estimated: SegmentPerformanceSnapshot['estimated'] = null;
  if (cbpe !== undefined && cbpe.windowSize > 0) {
    const estimate = cbpe.toEstimate();
    const estimates = estimatedMetrics(estimate);
    estimated = { samples: cbpe.windowSize, metrics: estimates, samplingError: estimatedSamplingErrors(estimate), degradation: degradations(estimates, baseline) };
  }
  return {
    segment,
    samples,
    predictionsWithId,
    labelled,
    coverage: predictionsWithId > 0 ? labelled / predictionsWithId : null,
    metrics,
    samplingError,
    pinballLoss,
    degradation: degradations(metrics, baseline),
    estimated,
  };
}

function fairnessSnapshot(attribute: string, accumulators: readonly FairnessAccumulator[]): FairnessAttributeSnapshot | null {
  const result = mergeAll(accumulators)?.result();
  if (result === undefined || result.count === 0) return null;
  return {
    attribute,
    groups: result.perGroup.map((rates) => ({ group: rates.group, samples: rates.count, selectionRate: rates.selectionRate, truePositiveRate: rates.truePositiveRate, falsePositiveRate: rates.falsePositiveRate })),
    demographicParityDifference: result.demographicParityDifference,
    disparateImpactRatio: result.disparateImpactRatio,
    passesFourFifthsRule: result.passesFourFifthsRule,
    equalOpportunityDifference: result.equalOpportunityDifference,
    equalizedOddsDifference: result.equalizedOddsDifference,
  };
}

/**
 * The slices to merge per exported segment: first the whole model (`''`, every slice of every
 * segment, when the window holds any), then each seen segment value; slices of observations
 * without a segment value (stored under `''`) count only in the whole model.
 */
function slicesBySegment(slots: ReadonlyArray<ReadonlyMap<string, SegmentSlice>>): Array<[string, SegmentSlice[]]> {
  const whole: SegmentSlice[] = [];
  const bySegment = new Map<string, SegmentSlice[]>();
  for (const slot of slots) {
    for (const [segment, slice] of slot) {
      whole.push(slice);
      if (segment === NO_SEGMENT) continue;
      const list = bySegment.get(segment);
      if (list === undefined) bySegment.set(segment, [slice]);
      else list.push(slice);
    }
  }
  return whole.length === 0 ? [] : [[NO_SEGMENT, whole], ...bySegment];
}

/** The performance part of the snapshot; the ring must already be advanced to now. @internal */
export function computePerformance(state: MonitorState, now: number): PerformanceSnapshot {
  const performance = state.performance;
  const { task, fairness } = state.options.performance;
  performance.pending.expire(now);
  const exported = new Set([...TASK_METRICS[task], ...ESTIMATED_METRICS]);
  const baseline = finite(Object.entries(state.options.reference.baseline?.metrics ?? {}).filter(([metric]) => exported.has(metric)));
  const segments = slicesBySegment(performance.slices).map(([segment, slices]) => segmentSnapshot(segment, slices, task, baseline));
  const fairnessAttributes = fairness === undefined || performance.fairness === undefined
    ? []
    : fairness.attributes.flatMap((attribute, index) => {
        const snapshot = fairnessSnapshot(attribute, (performance.fairness as FairnessAccumulator[][]).map((slot) => slot[index] as FairnessAccumulator));
        return snapshot === null ? [] : [snapshot];
      });
  return {
    task,
    labels: {
      outcomes: Object.fromEntries(LABEL_OUTCOMES.map((outcome, index) => [outcome, performance.outcomes[index] as number])) as Record<LabelOutcome, number>,
      evicted: Object.fromEntries(EVICTION_REASONS.map((reason) => [reason, performance.pending.evictions[reason]])) as Record<EvictionReason, number>,
      pending: performance.pending.size,
      replaced: performance.pending.replaced,
      invalidIds: performance.invalidIds,
    },
    baseline,
    segments,
    concept: state.concept.snapshot(now),
    fairness: fairnessAttributes,
  };
}
