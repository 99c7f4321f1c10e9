/**
 * The monitor's whole mutable state and the hot path that records into it: the window ring, one
 * accumulator per monitored profile column, the score moments, and the monotonic counters (drops,
 * unknown input names, segments). Recording never throws: every failure is counted and reported
 * through a rate-limited diag message. No statistic is computed here. @internal
 */
import { createFeatureAccumulator, NO_EVENT, NumericAccumulator, type FeatureAccumulator } from './feature-accumulator.js';
import { InputKeyIndex, KNOWN_INPUT } from './input-key-index.js';
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

const EMPTY_FEATURES: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);
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

/** True when `for … in` over `values` can only yield own keys: a plain or null-prototype object, and nothing enumerable on Object.prototype. */
function enumeratesOwnKeysOnly(values: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(values);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in Object.prototype) if (key !== undefined) return false;
  return true;
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
  /** Input key → monitored column (a Map, so keys like `__proto__` find nothing). */
  private readonly inputKeys: InputKeyIndex<FeatureAccumulator>;
  /** Incremented per `observe`; an accumulator carrying the current value was found in the input. */
  private rowStamp = 0;
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
    const byName = new Map(this.accumulators.map((accumulator) => [accumulator.name, accumulator]));
    this.inputKeys = new InputKeyIndex(byName, (key) => this.isKnownInput(key), 2 * reference.featureOrder.length + 8);
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

  private slotFor(timestamp: unknown, now = this.safeNow()): number {
    const slot = this.ring.take(now, timestampOf(timestamp));
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

  private recordNumberColumn(accumulator: NumericAccumulator, slots: Int32Array, column: Float64Array, rows: number): void {
    if (accumulator.recordNumbers(slots, column, rows) > 0) {
      this.diag.warn('quality:non_finite', () => `feature ${JSON.stringify(accumulator.name)}: value dropped (non_finite, number)`);
    }
  }

  private recordScore(slot: number, raw: unknown): void {
    const value = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) return;
    const at = slot * SCORE_SLOTS;
    this.scoreWindow[at] = (this.scoreWindow[at] as number) + 1;
    this.scoreWindow[at + 1] = (this.scoreWindow[at + 1] as number) + value;
  }

  /** Records one observation; never throws. One pass over the input's own keys, then the absent columns. */
  observe(observation: Observation): void {
    try {
      if (observation === null || typeof observation !== 'object') return this.drop('invalid_observation', 1, () => `expected an object, got ${typeof observation}`);
      const features = observation.features;
      if (features !== undefined && (features === null || typeof features !== 'object')) return this.drop('invalid_observation', 1, () => `features must be an object, got ${features === null ? 'null' : typeof features}`);
      const values: Readonly<Record<string, unknown>> = features ?? EMPTY_FEATURES;
      const now = this.safeNow();
      const slot = this.slotFor(observation.timestamp, now);
      if (slot < 0) return;
      const segmentAttribute = this.options.segments?.attribute;
      const segment = observation.segment ?? (segmentAttribute !== undefined && Object.hasOwn(values, segmentAttribute) ? values[segmentAttribute] : undefined);
      const segmentLabel = this.segments.count(segment);
      const { prediction, score } = observation;
      const stamp = ++this.rowStamp;
      const ownKeysOnly = enumeratesOwnKeysOnly(values);
      let recorded = 0;
      let unknown = 0;
      let position = 0;
      let scoreValue = score;
      let predictionValue = prediction;
      for (const key in values) {
        const accumulator = this.inputKeys.resolve(key, position++);
        if (accumulator === undefined || accumulator === KNOWN_INPUT) {
          if (accumulator === undefined && (ownKeysOnly || Object.hasOwn(values, key))) unknown++;
          continue;
        }
        if (!ownKeysOnly && !Object.hasOwn(values, key)) continue;
        const raw = values[key];
        if (accumulator === this.score) {
          if (score !== undefined) continue;
          scoreValue = raw;
        } else if (accumulator === this.prediction) {
          if (prediction !== undefined) continue;
          predictionValue = raw;
        }
        accumulator.rowStamp = stamp;
        recorded++;
        this.recordValue(accumulator, slot, raw);
      }
      if (recorded < this.accumulators.length) this.recordAbsent(slot, stamp, prediction, score);
      if (unknown > 0) this.countUnknown(unknown);
      this.recordScore(slot, scoreValue);
      const { id } = observation;
      if (id !== undefined || scoreValue !== undefined) this.performance.onObserve(slot, segmentLabel, id, predictionValue, scoreValue, observation.attributes, values, observation.timestamp, now);
    } catch (error) {
      this.drop('internal_error', 1, () => String(error));
    }
  }

  /** Records every column `observe` did not find in the features: the prediction/score given beside them, or missing. */
  private recordAbsent(slot: number, stamp: number, prediction: unknown, score: unknown): void {
    for (const accumulator of this.accumulators) {
      if (accumulator.rowStamp === stamp) continue;
      const raw = accumulator === this.prediction ? prediction : accumulator === this.score ? score : undefined;
      this.recordValue(accumulator, slot, raw);
    }
  }

  /** Profile columns (monitored or not), the segment attribute and the fairness attributes: never counted as unknown. */
  private isKnownInput(key: string): boolean {
    return this.columnNames.has(key) || key === this.options.segments?.attribute || this.options.performance.fairness?.attributes.includes(key) === true;
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
      const now = this.safeNow();
      let accepted = 0;
      for (let row = 0; row < rows; row++) {
        const slot = this.slotFor(timestamps?.[row], now);
        slots[row] = slot;
        if (slot >= 0) {
          accepted++;
          segmentLabels[row] = this.segments.count(segments?.[row]);
        }
      }
      for (const accumulator of this.accumulators) {
        const column = this.columnFor(columns, accumulator);
        if (column instanceof Float64Array && column.length >= rows && accumulator instanceof NumericAccumulator) {
          this.recordNumberColumn(accumulator, slots, column, rows);
          continue;
        }
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
