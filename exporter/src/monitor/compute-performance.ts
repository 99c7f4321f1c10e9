/**
 * Collection-time half of delayed labels: merges each segment's slots once, reads the realised,
 * estimated and fairness metrics, and orients the degradation against the profile's baseline. @internal
 */
import type { CbpeAccumulator } from '../estimation/cbpe-accumulator.js';
import type { CbpeEstimate } from '../estimation/cbpe-estimate.js';
import type { ClassificationAccumulator } from '../performance/classification-accumulator.js';
import type { FairnessAccumulator } from '../performance/fairness-accumulator.js';
import type { RegressionAccumulator } from '../performance/regression-accumulator.js';
import { classificationMetricValues as classificationMetrics, degradation, ESTIMATED_METRICS, finiteRecord as finite, regressionMetricValues as regressionMetrics, TASK_METRICS } from '../performance/metric-values.js';
import { EVICTION_REASONS, LABEL_OUTCOMES, type EvictionReason, type LabelOutcome } from './metric-names.js';
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
  let pinballLoss: Record<string, number> = {};
  if (task === 'regression') {
    const merged = mergeAll<RegressionAccumulator>(slices.map((slice) => slice.regression));
    if (merged !== undefined && merged.count > 0) {
      const result = merged.result();
      samples = result.count;
      metrics = regressionMetrics(result);
      pinballLoss = finite(Object.entries(result.pinballLoss));
    }
  } else {
    const merged = mergeAll<ClassificationAccumulator>(slices.map((slice) => slice.classification));
    if (merged !== undefined && merged.count > 0) {
      const result = merged.result();
      samples = result.count;
      metrics = classificationMetrics(task, result);
    }
  }
  const cbpe = mergeAll<CbpeAccumulator>(slices.map((slice) => slice.cbpe));
  let estimated: SegmentPerformanceSnapshot['estimated'] = null;
  if (cbpe !== undefined && cbpe.windowSize > 0) {
    const estimate = estimatedMetrics(cbpe.toEstimate());
    estimated = { samples: cbpe.windowSize, metrics: estimate, degradation: degradations(estimate, baseline) };
  }
  return {
    segment,
    samples,
    predictionsWithId,
    labelled,
    coverage: predictionsWithId > 0 ? labelled / predictionsWithId : null,
    metrics,
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

/** The performance part of the snapshot; the ring must already be advanced to now. @internal */
export function computePerformance(state: MonitorState, now: number): PerformanceSnapshot {
  const performance = state.performance;
  const { task, fairness } = state.options.performance;
  performance.pending.expire(now);
  const exported = new Set([...TASK_METRICS[task], ...ESTIMATED_METRICS]);
  const baseline = finite(Object.entries(state.options.reference.baseline?.metrics ?? {}).filter(([metric]) => exported.has(metric)));
  const bySegment = new Map<string, SegmentSlice[]>();
  for (const slot of performance.slices) {
    for (const [segment, slice] of slot) {
      const list = bySegment.get(segment);
      if (list === undefined) bySegment.set(segment, [slice]);
      else list.push(slice);
    }
  }
  const segments = [...bySegment].map(([segment, slices]) => segmentSnapshot(segment, slices, task, baseline));
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
