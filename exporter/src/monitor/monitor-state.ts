/**
 * The monitor's whole mutable state and the hot path that records into it: the window ring, one
 * accumulator per monitored profile column, the score moments, and the monotonic counters (drops,
 * unknown input names, segments). Recording never throws: every failure is counted and reported
 * through a rate-limited diag message. No statistic is computed here. @internal
 */
import { createFeatureAccumulator, NO_EVENT, type FeatureAccumulator } from './feature-accumulator.js';
import { DROP_REASONS, QUALITY_EVENT_CHECKS, type DropReason } from './metric-names.js';
import type { ResolvedMonitorOptions } from './monitor-options.js';
import { RateLimitedDiag } from './rate-limited-diag.js';
import { SegmentLimiter } from './segment-limiter.js';
import { SLOT_INVALID_TIME, WindowRing } from './window-ring.js';
import { ConceptStreams } from './concept-streams.js';
import { PerformanceState } from './performance-state.js';
import type { Logger } from '@opentelemetry/api-logs';

/** One inference, as `observe` takes it. */
export interface Observation {
  /** Feature values by profile column name; a column absent here counts as missing. */
  features?: Readonly<Record<string, unknown>>;
  /** The model's output, recorded into the profile's `prediction` column. */
  prediction?: unknown;
  /** The model's confidence, recorded into the profile's `score` column and the mean score. */
  score?: unknown;
  /**
   * An inference id (string of 1–128 characters, finite number, or a W3C trace id): registers the
   * prediction for a later `monitor.label(id, actual)`. Never recorded as an attribute.
   */
  id?: unknown;
  /** Protected attributes for fairness (e.g. `{ gender: 'f' }`); read before `features`. Never exported raw: groups are capped. */
  attributes?: Readonly<Record<string, unknown>>;
  /** Segment value for `ml.segment` (bounded by the segments option). */
  segment?: unknown;
  /** When the inference happened (ms since the epoch or a Date; default now). Time windows only. */
  timestamp?: number | Date;
}

/** Columns of equal length: profile column names, plus optional `prediction`, `score`, `segment`, `timestamp`, `id`. */
export type ObservationColumns = Readonly<Record<string, ArrayLike<unknown>>>;

const RESERVED_COLUMNS = new Set(['prediction', 'score', 'segment', 'timestamp', 'id']);
const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});
const SCORE_SLOTS = 2;
/**
 * Most rows one observeBatch call takes. A column's `length` is trusted to size the per-row buffers, so a
 * sparse Array (`col[3e9] = v`) or an array-like with a bogus length would otherwise make the host allocate
 * gigabytes and crash (test/reliability/hot-path.fuzz.test.ts, "columns whose length lies"); such a batch is dropped instead.
 */
export const MAX_BATCH_ROWS = 2 ** 24;

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return typeof value === 'string' ? false : value !== null && typeof value === 'object' && typeof (value as { length?: unknown }).length === 'number';
}

function timestampOf(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw instanceof Date) return raw.getTime();
  return typeof raw === 'number' ? raw : Number.NaN;
}

export class MonitorState {
  readonly options: ResolvedMonitorOptions;
  readonly ring: WindowRing;
  /** Monitored columns in profile order (role feature, prediction, score; targets are left out). */
  readonly accumulators: readonly FeatureAccumulator[];
  /** Per slot: [count, sum] of finite scores. */
  readonly scoreWindow: Float64Array;
  readonly segments: SegmentLimiter;
  /** Observations dropped whole, by DROP_REASONS index. */
  readonly dropped: Float64Array;
  /** Input names that are not profile columns (each occurrence counts once). */
  unknownFeatureEvents = 0;
  readonly diag: RateLimitedDiag;
  /** Delayed labels, performance, CBPE, fairness. */
  readonly performance: PerformanceState;
  /** Concept-drift detectors on the error and score streams. */
  readonly concept: ConceptStreams;
  private readonly columnNames: ReadonlySet<string>;
  private readonly prediction: FeatureAccumulator | undefined;
  private readonly score: FeatureAccumulator | undefined;

  /**
   * @param logger where concept-drift log records go.
   * @param onDelay records one label delay in seconds (the `ml.label.delay` histogram).
   */
  constructor(options: ResolvedMonitorOptions, logger: Logger, onDelay: (seconds: number) => void = () => {}) {
    this.options = options;
    const { reference, window, maxStringLength } = options;
    this.diag = new RateLimitedDiag(options.now);
    this.accumulators = reference.featureOrder.flatMap((name) => {
      const profile = reference.features[name];
      return profile === undefined || profile.role === 'target' ? [] : [createFeatureAccumulator(name, profile, window.slices, maxStringLength)];
    });
    this.columnNames = new Set(reference.featureOrder);
    this.prediction = this.accumulators.find((accumulator) => accumulator.role === 'prediction');
    this.score = this.accumulators.find((accumulator) => accumulator.role === 'score');
    this.scoreWindow = new Float64Array(window.slices * SCORE_SLOTS);
    this.segments = new SegmentLimiter(options.segments, maxStringLength);
    this.dropped = new Float64Array(DROP_REASONS.length);
    this.ring = new WindowRing(window, this.safeNow(), (slot) => this.clearSlot(slot));
    this.concept = new ConceptStreams({ error: options.performance.errorDetectors, score: options.performance.scoreDetectors, logger, model: options.model, window, warn: (key, message) => this.diag.warn(key, message) });
    this.performance = new PerformanceState(options, this.ring, this.diag, this.concept, onDelay);
  }

  private clearSlot(slot: number): void {
    // The ring clears a slot from its constructor, before `performance` exists.
    (this.performance as PerformanceState | undefined)?.clearSlot(slot);
    for (const accumulator of this.accumulators) accumulator.clearSlot(slot);
    this.scoreWindow.fill(0, slot * SCORE_SLOTS, (slot + 1) * SCORE_SLOTS);
  }

  safeNow(): number {
    try {
      return Number(this.options.now());
    } catch {
      return Number.NaN;
    }
  }

  drop(reason: DropReason, count = 1, detail?: () => string): void {
    const index = DROP_REASONS.indexOf(reason);
    this.dropped[index] = (this.dropped[index] as number) + count;
    this.diag.warn(`dropped:${reason}`, () => `observation dropped (${reason})${detail === undefined ? '' : `: ${detail()}`}`);
  }

  private slotFor(timestamp: unknown): number {
    const slot = this.ring.take(this.safeNow(), timestampOf(timestamp));
    if (slot < 0) this.drop(slot === SLOT_INVALID_TIME ? 'invalid_timestamp' : 'too_old');
    return slot;
  }

  private recordValue(accumulator: FeatureAccumulator, slot: number, raw: unknown): void {
    const event = accumulator.record(slot, raw);
    if (event !== NO_EVENT) {
      const check = QUALITY_EVENT_CHECKS[event] ?? 'type_error';
      this.diag.warn(`quality:${check}`, () => `feature ${JSON.stringify(accumulator.name)}: value dropped (${check}, ${typeof raw})`);
    }
  }

  private recordScore(slot: number, raw: unknown): void {
    const value = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) return;
    const at = slot * SCORE_SLOTS;
    this.scoreWindow[at] = (this.scoreWindow[at] as number) + 1;
    this.scoreWindow[at + 1] = (this.scoreWindow[at + 1] as number) + value;
  }

  private isKnownInput(key: string): boolean {
    return this.columnNames.has(key) || key === this.options.segments?.attribute || this.options.performance.fairness?.attributes.includes(key) === true;
  }

  /** Records one observation; never throws. */
  observe(observation: Observation): void {
    try {
      if (observation === null || typeof observation !== 'object') return this.drop('invalid_observation', 1, () => `expected an object, got ${typeof observation}`);
      const features = observation.features;
      if (features !== undefined && (features === null || typeof features !== 'object')) return this.drop('invalid_observation', 1, () => `features must be an object, got ${features === null ? 'null' : typeof features}`);
      const values: Readonly<Record<string, unknown>> = features ?? {};
      const slot = this.slotFor(observation.timestamp);
      if (slot < 0) return;
      const segmentAttribute = this.options.segments?.attribute;
      const segment = observation.segment ?? (segmentAttribute !== undefined && Object.hasOwn(values, segmentAttribute) ? values[segmentAttribute] : undefined);
      const segmentLabel = this.segments.count(segment);
      for (const accumulator of this.accumulators) {
        let raw = Object.hasOwn(values, accumulator.name) ? values[accumulator.name] : undefined;
        if (accumulator === this.prediction && observation.prediction !== undefined) raw = observation.prediction;
        if (accumulator === this.score && observation.score !== undefined) raw = observation.score;
        this.recordValue(accumulator, slot, raw);
      }
      for (const key in values) {
        if (Object.hasOwn(values, key) && !this.isKnownInput(key)) this.countUnknown(1);
      }
      const score = observation.score !== undefined ? observation.score : this.score === undefined ? undefined : Object.hasOwn(values, this.score.name) ? values[this.score.name] : undefined;
      this.recordScore(slot, score);
      const prediction = observation.prediction !== undefined ? observation.prediction : this.prediction === undefined ? undefined : Object.hasOwn(values, this.prediction.name) ? values[this.prediction.name] : undefined;
      if (observation.id !== undefined || score !== undefined) this.performance.onObserve(slot, segmentLabel, observation.id, prediction, score, observation.attributes, values, observation.timestamp, this.safeNow());
    } catch (error) {
      this.drop('internal_error', 1, () => String(error));
    }
  }

  private countUnknown(count: number): void {
    this.unknownFeatureEvents += count;
    this.diag.warn('quality:unknown_feature', () => 'input names a feature that is not in the reference profile; counted under ml.feature.name="__unknown__"');
  }

  private columnFor(columns: ObservationColumns, accumulator: FeatureAccumulator): ArrayLike<unknown> | undefined {
    let column: unknown = Object.hasOwn(columns, accumulator.name) ? columns[accumulator.name] : undefined;
    if (column === undefined && accumulator === this.prediction && Object.hasOwn(columns, 'prediction')) column = columns.prediction;
    if (column === undefined && accumulator === this.score && Object.hasOwn(columns, 'score')) column = columns.score;
    return isArrayLike(column) ? column : undefined;
  }

  private reserved(columns: ObservationColumns, name: string): ArrayLike<unknown> | undefined {
    const column = !this.columnNames.has(name) && Object.hasOwn(columns, name) ? columns[name] : undefined;
    return isArrayLike(column) ? column : undefined;
  }

  /** observeBatch's share of delayed labels and scores: per row with an id or a score, the same as `observe`. */
  private batchPerformance(columns: ObservationColumns, rows: number, slots: Int32Array, segmentLabels: readonly string[], scores: ArrayLike<unknown> | undefined): void {
    const ids = this.reserved(columns, 'id');
    if (ids === undefined && scores === undefined) return;
    const predictions = this.prediction === undefined ? this.reserved(columns, 'prediction') : this.columnFor(columns, this.prediction);
    const timestamps = this.reserved(columns, 'timestamp');
    const fairness = this.options.performance.fairness?.attributes;
    const now = this.safeNow();
    for (let row = 0; row < rows; row++) {
      const slot = slots[row] as number;
      const id = ids?.[row];
      const score = scores?.[row];
      if (slot < 0 || (id === undefined && score === undefined)) continue;
      let values = NO_VALUES;
      if (fairness !== undefined && id !== undefined) {
        const row_: Record<string, unknown> = {};
        for (const name of fairness) if (Object.hasOwn(columns, name)) row_[name] = columns[name]?.[row];
        values = row_;
      }
      this.performance.onObserve(slot, segmentLabels[row] ?? '', id, predictions?.[row], score, undefined, values, timestamps?.[row], now);
    }
  }

  /** Records columns of observations (row r is every column's entry r); never throws. */
  observeBatch(columns: ObservationColumns): void {
    try {
      if (columns === null || typeof columns !== 'object') return this.drop('invalid_observation', 1, () => `expected an object of columns, got ${typeof columns}`);
      let rows = 0;
      for (const key in columns) {
        if (Object.hasOwn(columns, key) && isArrayLike(columns[key])) rows = Math.max(rows, (columns[key] as ArrayLike<unknown>).length);
      }
      if (rows === 0) return;
      if (!(rows <= MAX_BATCH_ROWS)) return this.drop('invalid_observation', 1, () => `a column has ${rows} entries; observeBatch takes at most ${MAX_BATCH_ROWS} rows per call (split the batch, and pass dense arrays)`);
      const timestamps = this.reserved(columns, 'timestamp');
      const segmentAttribute = this.options.segments?.attribute;
      const segments = this.reserved(columns, 'segment') ?? (segmentAttribute !== undefined && Object.hasOwn(columns, segmentAttribute) && isArrayLike(columns[segmentAttribute]) ? columns[segmentAttribute] : undefined);
      const slots = new Int32Array(rows);
      const segmentLabels: string[] = new Array<string>(rows);
      let accepted = 0;
      for (let row = 0; row < rows; row++) {
        const slot = this.slotFor(timestamps?.[row]);
        slots[row] = slot;
        if (slot >= 0) {
          accepted++;
          segmentLabels[row] = this.segments.count(segments?.[row]);
        }
      }
      for (const accumulator of this.accumulators) {
        const column = this.columnFor(columns, accumulator);
        for (let row = 0; row < rows; row++) {
          const slot = slots[row] as number;
          if (slot >= 0) this.recordValue(accumulator, slot, column?.[row]);
        }
      }
      for (const key in columns) {
        if (Object.hasOwn(columns, key) && !this.isKnownInput(key) && !RESERVED_COLUMNS.has(key)) this.countUnknown(accepted);
      }
      const scores = this.score === undefined ? this.reserved(columns, 'score') : this.columnFor(columns, this.score);
      if (scores !== undefined) {
        for (let row = 0; row < rows; row++) if ((slots[row] as number) >= 0) this.recordScore(slots[row] as number, scores[row]);
      }
      this.batchPerformance(columns, rows, slots, segmentLabels, scores);
    } catch (error) {
      this.drop('internal_error', 1, () => String(error));
    }
  }
}
