/**
 * Delayed labels and everything computed from them: the pending-prediction store, the per-slot and
 * per-segment performance and CBPE accumulators, fairness accumulators, and the concept-drift
 * streams. `onObserve` (hot path, called by MonitorState) registers a prediction and records its
 * score; `label` joins ground truth. Neither throws. @internal
 */
import { CbpeModel } from '../estimation/cbpe.js';
import { normalizeLabelId } from '../labels/label-id.js';
import { PendingPredictions } from '../labels/pending-predictions.js';
import { FairnessAccumulator } from '../performance/fairness-accumulator.js';
import type { ClassLabel } from '../stats/class-labels.js';
import type { ConceptStreams } from './concept-streams.js';
import { LABEL_OUTCOMES, type LabelOutcome } from './metric-names.js';
import type { ResolvedMonitorOptions } from './monitor-options.js';
import type { RateLimitedDiag } from './rate-limited-diag.js';
import { SegmentLimiter } from './segment-limiter.js';
import { SegmentSlice } from './performance-slice.js';
import type { WindowRing } from './window-ring.js';

/** What a pending prediction keeps until its label arrives. */
interface PendingPrediction {
  /** Prediction time, ms. */
  readonly time: number;
  /** Slot of the prediction time and what that slot held then (coverage counts only while it still does). */
  readonly slot: number;
  readonly slotIdentity: number;
  readonly segment: string;
  /** Classification: the predicted class. */
  readonly prediction: ClassLabel | undefined;
  /** Regression: the predicted value. */
  readonly value: number | undefined;
  /** Classification: the score (probability of the positive class). */
  readonly score: number | undefined;
  /** Bounded group per fairness attribute (undefined where the row had none). */
  readonly groups: readonly (string | undefined)[] | undefined;
}

/** Options of `monitor.label`. */
export interface LabelCallOptions {
  /** When the label became known (ms since the epoch or a Date; default now): attributes it to a slot and measures the delay. */
  timestamp?: number | Date;
}

/** A class label or regression target as the accumulators take it; undefined when unusable. */
function classLabelOf(raw: unknown, maxLength: number): ClassLabel | undefined {
  if (raw === true) return 1;
  if (raw === false) return 0;
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
  if (typeof raw === 'string') return raw.length > 0 && raw.length <= maxLength ? raw : undefined;
  return undefined;
}

function numberOf(raw: unknown): number | undefined {
  const value = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

function timeOf(raw: unknown, fallback: number): number {
  if (raw instanceof Date) return raw.getTime();
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : fallback;
}

export class PerformanceState {
  readonly pending: PendingPredictions<PendingPrediction>;
  /** Per slot: segment → slice. */
  readonly slices: Map<string, SegmentSlice>[];
  /** Per slot: one fairness accumulator per configured attribute (same order). */
  readonly fairness: FairnessAccumulator[][] | undefined;
  readonly fairnessGroups: SegmentLimiter[];
  /** Labels since start, by LABEL_OUTCOMES index. */
  readonly outcomes = new Float64Array(LABEL_OUTCOMES.length);
  /** Observations whose id could not be used (wrong type, empty, longer than 128). */
  invalidIds = 0;
  readonly cbpe: CbpeModel | undefined;
  private readonly options: ResolvedMonitorOptions;
  private readonly ring: WindowRing;
  private readonly diag: RateLimitedDiag;
  private readonly concept: ConceptStreams;
  private readonly onDelay: (seconds: number) => void;
  private readonly negativeLabel: ClassLabel | undefined;
  /** The profile's decision threshold (baseline.threshold, else the calibration's, else 0.5). */
  readonly threshold: number;
  /**
   * The type of every class label of this monitor: the positive label's for binary tasks, else the
   * first label seen. A prediction or label of the other type is unusable (a confusion matrix cannot
   * order 0 beside "yes"; such a mix used to make every collection fail).
   */
  private labelType: 'number' | 'string' | undefined;

  constructor(options: ResolvedMonitorOptions, ring: WindowRing, diag: RateLimitedDiag, concept: ConceptStreams, onDelay: (seconds: number) => void) {
    this.options = options;
    this.ring = ring;
    this.diag = diag;
    this.concept = concept;
    this.onDelay = onDelay;
    const performance = options.performance;
    this.pending = new PendingPredictions<PendingPrediction>({ ttlMs: performance.ttlMs, maxPending: performance.maxPending });
    this.slices = Array.from({ length: options.window.slices }, () => new Map<string, SegmentSlice>());
    const fairness = performance.fairness;
    this.fairnessGroups = fairness === undefined ? [] : fairness.attributes.map(() => new SegmentLimiter({ allowlist: undefined, cap: fairness.cap }, options.maxStringLength));
    this.fairness = fairness === undefined ? undefined : this.slices.map(() => fairness.attributes.map(() => new FairnessAccumulator({ maxGroups: fairness.cap + 1 })));
    this.cbpe = performance.task === 'binary' ? this.loadCbpe() : undefined;
    this.negativeLabel = typeof performance.positiveLabel === 'number' ? (performance.positiveLabel === 0 ? 1 : 0) : undefined;
    this.threshold = options.reference.baseline?.threshold ?? this.cbpe?.threshold ?? 0.5;
    this.labelType = performance.task === 'binary' ? (typeof performance.positiveLabel === 'number' ? 'number' : 'string') : undefined;
  }

  /** `label` when it has this monitor's class-label type (the first label fixes it for multiclass), else undefined. */
  private typedLabel(label: ClassLabel | undefined): ClassLabel | undefined {
    if (label === undefined) return undefined;
    const type = typeof label === 'number' ? 'number' : 'string';
    this.labelType ??= type;
    return type === this.labelType ? label : undefined;
  }

  private loadCbpe(): CbpeModel | undefined {
    const calibration = this.options.reference.baseline?.calibration;
    if (calibration === undefined) return undefined;
    try {
      return CbpeModel.fromJSON(calibration);
    } catch (error) {
      this.diag.warn('cbpe', () => `the profile's baseline.calibration is not a CBPE model; estimated performance is off: ${String(error)}`);
      return undefined;
    }
  }

  /** Empties a slot that rolled off the window. */
  clearSlot(slot: number): void {
    this.slices[slot]?.clear();
    const fairness = this.fairness?.[slot];
    if (fairness !== undefined) {
      const band = this.options.performance.fairness;
      for (let i = 0; i < fairness.length; i++) fairness[i] = new FairnessAccumulator({ maxGroups: (band?.cap ?? 0) + 1 });
    }
  }

  private sliceOf(slot: number, segment: string): SegmentSlice {
    const slices = this.slices[slot] as Map<string, SegmentSlice>;
    let slice = slices.get(segment);
    if (slice === undefined) {
      slice = new SegmentSlice();
      slices.set(segment, slice);
    }
    return slice;
  }

  private groupsOf(attributes: unknown, features: Readonly<Record<string, unknown>>): (string | undefined)[] | undefined {
    const fairness = this.options.performance.fairness;
    if (fairness === undefined) return undefined;
    const source = attributes !== null && typeof attributes === 'object' ? (attributes as Readonly<Record<string, unknown>>) : undefined;
    return fairness.attributes.map((name, index) => {
      const raw = source !== undefined && Object.hasOwn(source, name) ? source[name] : Object.hasOwn(features, name) ? features[name] : undefined;
      if (raw === undefined || raw === null || raw === '') return undefined;
      return (this.fairnessGroups[index] as SegmentLimiter).count(raw);
    });
  }

  /** The predicted class of a row: the prediction, else (binary) the score against the threshold. */
  private predictedClass(prediction: ClassLabel | undefined, score: number | undefined): ClassLabel | undefined {
    if (prediction !== undefined) return prediction;
    if (score === undefined || this.options.performance.task !== 'binary' || this.negativeLabel === undefined) return undefined;
    return score >= this.threshold ? this.options.performance.positiveLabel : this.negativeLabel;
  }

  /**
   * Hot path, after MonitorState placed the observation in `slot`: feeds the score to the score
   * detectors and CBPE, and stores the prediction when it has an id.
   */
  onObserve(slot: number, segment: string, id: unknown, rawPrediction: unknown, rawScore: unknown, attributes: unknown, features: Readonly<Record<string, unknown>>, timestamp: unknown, now: number): void {
    const score = numberOf(rawScore);
    const task = this.options.performance.task;
    if (score !== undefined) {
      if (this.concept.watches('score')) this.concept.feed('score', score, now);
      if (this.cbpe !== undefined) {
        const prediction = classLabelOf(rawPrediction, this.options.maxStringLength);
        this.sliceOf(slot, segment).cbpeOf(this.cbpe).record(score, prediction === undefined ? undefined : prediction === this.options.performance.positiveLabel);
      }
    }
    if (id === undefined || id === null) return;
    const key = normalizeLabelId(id);
    if (key === undefined) {
      this.invalidIds++;
      this.diag.warn('labels:invalid_id', () => `observation id ignored: expected a string of 1 to 128 characters or a finite number, got ${typeof id}`);
      return;
    }
    const prediction = task === 'regression' ? undefined : this.typedLabel(classLabelOf(rawPrediction, this.options.maxStringLength));
    const regressionValue = task === 'regression' ? numberOf(rawPrediction) : undefined;
    const entry: PendingPrediction = {
      time: timeOf(timestamp, now),
      slot,
      slotIdentity: this.ring.identityOf(slot),
      segment,
      prediction,
      value: regressionValue,
      score: task === 'regression' ? undefined : score,
      groups: this.groupsOf(attributes, features),
    };
    this.pending.put(key, entry, now);
    this.sliceOf(slot, segment).predictionsWithId++;
  }

  private count(outcome: LabelOutcome): void {
    const index = LABEL_OUTCOMES.indexOf(outcome);
    this.outcomes[index] = (this.outcomes[index] as number) + 1;
  }

  /** Joins ground truth with the prediction stored under `id`; never throws. */
  label(id: unknown, actual: unknown, options: LabelCallOptions | undefined, now: number): LabelOutcome {
    try {
      const outcome = this.join(id, actual, options, now);
      this.count(outcome);
      return outcome;
    } catch (error) {
      this.diag.warn('labels:error', () => `label not recorded: ${String(error)}`);
      this.count('invalid');
      return 'invalid';
    }
  }

  private join(id: unknown, actual: unknown, options: LabelCallOptions | undefined, now: number): LabelOutcome {
    const key = normalizeLabelId(id);
    const { task } = this.options.performance;
    const truth = task === 'regression' ? numberOf(actual) : this.typedLabel(classLabelOf(actual, this.options.maxStringLength));
    if (key === undefined || truth === undefined) {
      this.diag.warn('labels:invalid', () => `label ignored: ${key === undefined ? `id must be a string of 1 to 128 characters or a finite number, got ${typeof id}` : `actual must be ${task === 'regression' ? 'a finite number' : `a class label (integer, string or boolean) of this monitor's label type (${this.labelType ?? 'any'})`}, got ${typeof actual}`}`);
      return 'invalid';
    }
    const timestamp = options?.timestamp;
    const labelTime = timeOf(timestamp, now);
    const found = this.pending.take(key, now);
    if (found.outcome !== 'joined') return found.outcome;
    const entry = found.entry.value;
    this.onDelay(Math.max(0, (labelTime - entry.time) / 1000));
    if (this.ring.identityOf(entry.slot) === entry.slotIdentity) this.sliceOf(entry.slot, entry.segment).labelled++;
    const slot = this.ring.slotAt(now, timestamp === undefined ? undefined : labelTime);
    if (task === 'regression') this.joinRegression(slot, entry, truth as number, now);
    else this.joinClassification(slot, entry, truth as ClassLabel, now);
    return 'joined';
  }

  private joinRegression(slot: number, entry: PendingPrediction, truth: number, now: number): void {
    const prediction = entry.value;
    if (prediction === undefined) return;
    if (slot >= 0) this.sliceOf(slot, entry.segment).regressionOf(this.options.performance).record(truth, prediction);
    if (this.concept.watches('error')) this.concept.feed('error', Math.abs(truth - prediction), now);
  }

  private joinClassification(slot: number, entry: PendingPrediction, truth: ClassLabel, now: number): void {
    const predicted = this.predictedClass(entry.prediction, entry.score);
    if (predicted === undefined) return;
    const { task, positiveLabel } = this.options.performance;
    if (slot >= 0) {
      const score = task === 'binary' && entry.score !== undefined && entry.score >= 0 && entry.score <= 1 ? entry.score : undefined;
      this.sliceOf(slot, entry.segment).classificationOf(this.options.performance).record(truth, predicted, score);
      const fairness = this.fairness?.[slot];
      const favourable = this.options.performance.fairness?.positiveLabel ?? positiveLabel;
      if (fairness !== undefined && entry.groups !== undefined) {
        for (let i = 0; i < fairness.length; i++) {
          const group = entry.groups[i];
          if (group !== undefined) (fairness[i] as FairnessAccumulator).record(truth === favourable ? 1 : 0, predicted === favourable ? 1 : 0, group);
        }
      }
    }
    if (this.concept.watches('error')) this.concept.feed('error', truth === predicted ? 0 : 1, now);
  }
}
