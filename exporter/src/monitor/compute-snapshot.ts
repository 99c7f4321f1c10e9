/**
 * Collection-time computation: merges the window slices and runs the statistics (per-column drift
 * with the default policy or the override, dataset drift, quality ratios, score mean). Called from
 * the observable callback and from `snapshot()`, never from the hot path. Never throws for a single
 * column: a failing statistic leaves that column's drift null with `driftSkipped: 'error'`. @internal
 */
import { evaluateDatasetDrift } from '../drift/dataset-drift.js';
import { evaluateFeatureDrift, type FeatureDriftResult } from '../drift/evaluate-feature-drift.js';
import type { FeatureDriftData } from '../drift/feature-drift-data.js';
import { chooseDriftMethod } from '../profile/drift-method.js';
import { OTHER_CATEGORY } from '../check/compare-to-profile.js';
import { CategoricalAccumulator, COUNTER, EVENT_INDEX, NumericAccumulator, type FeatureAccumulator } from './feature-accumulator.js';
import { DROP_REASONS, QUALITY_EVENT_CHECKS, type DropReason, type QualityEventCheck } from './metric-names.js';
import type { MonitorState } from './monitor-state.js';
import { computePerformance } from './compute-performance.js';
import type { FeatureQualityRatios, FeatureSnapshot, MonitorSnapshot } from './monitor-snapshot.js';

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function driftData(accumulator: FeatureAccumulator, current: Float64Array): FeatureDriftData {
  if (accumulator instanceof NumericAccumulator) {
    const { profile } = accumulator;
    return { kind: 'numeric', binEdges: profile.binEdges, referenceCounts: profile.binCounts, currentCounts: current, ...(profile.std !== null && profile.std > 0 ? { referenceStd: profile.std } : {}) };
  }
  const categorical = accumulator as CategoricalAccumulator;
  const { profile, categories } = categorical;
  const referenceCounts = [...profile.categories.map((entry) => entry.count), profile.otherCount];
  const otherCurrent = current[categories.length] as number;
  // Drop the "other" bin when neither side has anything in it, so binary features stay binary.
  const keepOther = otherCurrent > 0 || profile.otherCount > 0;
  return {
    kind: profile.kind,
    categories: keepOther ? [...categories, OTHER_CATEGORY] : categories,
    referenceCounts: keepOther ? referenceCounts : referenceCounts.slice(0, -1),
    currentCounts: keepOther ? current : current.subarray(0, categories.length),
  };
}

function evaluate(state: MonitorState, accumulator: FeatureAccumulator, bins: Float64Array, samples: number): Pick<FeatureSnapshot, 'drift' | 'driftSkipped'> {
  const referenceSize = accumulator.profile.count;
  if (!(referenceSize > 0)) return { drift: null, driftSkipped: 'empty_reference' };
  if (samples < state.options.minSamples) return { drift: null, driftSkipped: 'too_few_samples' };
  try {
    const data = driftData(accumulator, bins);
    const override = state.options.overrides.get(accumulator.name);
    const choice = chooseDriftMethod({
      kind: accumulator.profile.kind,
      referenceSize,
      currentSize: samples,
      ...(data.kind === 'numeric' ? {} : { categoryCount: data.categories.length }),
      ...(override === undefined ? {} : { override }),
    });
    return { drift: evaluateFeatureDrift(data, { method: choice.method, threshold: choice.threshold }), driftSkipped: null };
  } catch (error) {
    state.diag.warn(`drift:${accumulator.name}`, () => `drift of ${JSON.stringify(accumulator.name)} not computed: ${String(error)}`);
    return { drift: null, driftSkipped: 'error' };
  }
}

function qualityRatios(accumulator: FeatureAccumulator, merged: Float64Array): FeatureQualityRatios {
  const at = (counter: number): number => merged[accumulator.binCount + counter] as number;
  const rows = at(COUNTER.rows);
  const numeric = accumulator instanceof NumericAccumulator;
  const unseenTracked = accumulator instanceof CategoricalAccumulator && accumulator.tracksUnseen;
  return {
    missingRatio: ratio(at(COUNTER.missing), rows),
    typeErrorRatio: ratio(at(COUNTER.typeError) + at(COUNTER.oversizedString), rows),
    outOfRangeRatio: numeric ? ratio(at(COUNTER.outOfRange) + at(COUNTER.nonFinite), at(COUNTER.usable) + at(COUNTER.nonFinite)) : null,
    unseenCategoryRatio: unseenTracked ? ratio(at(COUNTER.unseenCategory), at(COUNTER.usable)) : null,
  };
}

function featureSnapshot(state: MonitorState, accumulator: FeatureAccumulator): FeatureSnapshot {
  const merged = accumulator.mergeInto(new Float64Array(accumulator.stride));
  const bins = merged.slice(0, accumulator.binCount);
  const at = (counter: number): number => merged[accumulator.binCount + counter] as number;
  const samples = at(COUNTER.usable);
  const profile = accumulator.profile;
  const referenceFractions = profile.kind === 'numeric' ? [...profile.binFractions] : [...profile.categories.map((entry) => entry.fraction), profile.otherFraction];
  const qualityEvents = Object.fromEntries(QUALITY_EVENT_CHECKS.map((check) => [check, accumulator.cumulativeEvents[EVENT_INDEX[check]] as number])) as Record<QualityEventCheck, number>;
  const mean = accumulator instanceof NumericAccumulator && samples > 0 ? accumulator.center + at(COUNTER.shiftedSum) / samples : null;
  return {
    name: accumulator.name,
    kind: profile.kind,
    role: accumulator.role,
    rows: at(COUNTER.rows),
    samples,
    ...evaluate(state, accumulator, bins, samples),
    quality: qualityRatios(accumulator, merged),
    binCounts: Array.from(bins),
    cumulativeBinCounts: Array.from(accumulator.cumulativeBins),
    referenceFractions,
    qualityEvents,
    mean,
  };
}

function datasetDrift(state: MonitorState, features: readonly FeatureSnapshot[]): MonitorSnapshot['dataset'] {
  const verdicts: Record<string, FeatureDriftResult> = {};
  const importances: Record<string, number> = {};
  for (const feature of features) {
    if (feature.drift === null) continue;
    verdicts[feature.name] = feature.drift;
    const importance = state.options.reference.features[feature.name]?.importance;
    if (importance !== undefined && Number.isFinite(importance) && importance >= 0) importances[feature.name] = importance;
  }
  if (Object.keys(verdicts).length === 0) return null;
  try {
    return evaluateDatasetDrift(verdicts, { shareThreshold: state.options.datasetDriftShare, ...(Object.keys(importances).length > 0 ? { importances } : {}) });
  } catch (error) {
    state.diag.warn('drift:dataset', () => `dataset drift not computed: ${String(error)}`);
    return null;
  }
}

function scoreMean(state: MonitorState): number | null {
  let count = 0;
  let sum = 0;
  for (let at = 0; at < state.scoreWindow.length; at += 2) {
    count += state.scoreWindow[at] as number;
    sum += state.scoreWindow[at + 1] as number;
  }
  return count > 0 ? sum / count : null;
}

/** Computes the snapshot from the state's window as of `now` (old slices are rolled off first). @internal */
export function computeSnapshot(state: MonitorState): MonitorSnapshot {
  const now = state.safeNow();
  state.ring.advance(now);
  const columns = state.accumulators.map((accumulator) => featureSnapshot(state, accumulator));
  const features = columns.filter((column) => column.role === 'feature');
  const dropped = Object.fromEntries(DROP_REASONS.map((reason, index) => [reason, state.dropped[index] as number])) as Record<DropReason, number>;
  const { window } = state.options;
  return {
    model: { ...state.options.model },
    window: { kind: window.kind, slices: window.slices, observations: state.ring.windowObservations() },
    features,
    predictions: columns.filter((column) => column.role === 'prediction' || column.role === 'score'),
    dataset: datasetDrift(state, features),
    scoreMean: scoreMean(state),
    counters: {
      observations: state.segments.counts(),
      dropped,
      unknownFeatures: state.unknownFeatureEvents,
      segmentOverflow: state.segments.overflowed,
    },
    performance: computePerformance(state, now),
  };
}
