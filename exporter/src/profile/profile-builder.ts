/**
 * The streaming reference-profile builder: rows or column chunks in, a `ReferenceProfile` out, with
 * memory bounded independently of the number of rows (per column: a quantile sketch, moments, an
 * exact record of at most `maxExactValues` distinct numbers, a counter of at most
 * `categoryTrackingCapacity` categories, and at most `kindInferenceRows` values held while its kind
 * is undecided).
 */
import type { FeatureKind } from '../drift/methods.js';
import { BaselineCollector } from './baseline-collector.js';
import { CategoricalColumnProfiler } from './categorical-column-profiler.js';
import { emptyKindTally, inferKindFromTally, overriddenKind, tallyValue } from './infer-kind.js';
import type { KindTally } from './infer-kind.js';
import { isMissing } from './is-missing.js';
import { NumericColumnProfiler } from './numeric-column-profiler.js';
import type { FixedEdges } from './numeric-column-profiler.js';
import { resolveProfileOptions } from './profile-options.js';
import type { ProfileOptions, ResolvedProfileOptions } from './profile-options.js';
import { PROFILE_SCHEMA_VERSION, PROFILE_TYPE } from './schema.js';
import type { FeatureProfile, FeatureRole, ReferenceProfile } from './schema.js';

type ColumnProfiler = NumericColumnProfiler | CategoricalColumnProfiler;

interface ColumnState {
  /** Non-missing values held until the kind is decided; null once it is. */
  pending: unknown[] | null;
  tally: KindTally;
  profiler: ColumnProfiler | null;
}

/** What a second pass inherits from the first: decided kinds and edges. */
interface FirstPass {
  kinds: ReadonlyMap<string, FeatureKind>;
  edges: ReadonlyMap<string, FixedEdges>;
}

/**
 * Builds a reference profile from a stream of rows or column chunks. Accuracy by mode (details in
 * docs/profiles.md): with explicit `binEdges` the bin counts are exact in one pass; otherwise quantile
 * edges, bin counts and quantiles are exact while a column has at most `maxExactValues` distinct
 * values and come from the quantile sketch (relative accuracy α) beyond; `edgesFromFirstPass()`
 * gives a second-pass builder that counts exactly on the first pass's edges.
 *
 * Never throws on data: missing values (null, undefined, NaN, '') and values of the wrong type are
 * counted. Throws only on bad options or on an input that is not a row/column object.
 *
 * @example
 * const builder = new ProfileBuilder({ target: 'churned', prediction: 'predicted' });
 * for (const row of rows) builder.add(row);
 * const profile = builder.finish();
 */
export class ProfileBuilder {
  readonly #options: ResolvedProfileOptions;
  readonly #firstPass: FirstPass | undefined;
  readonly #columns = new Map<string, ColumnState>();
  readonly #baseline: BaselineCollector | undefined;
  #rowCount = 0;

  constructor(options: ProfileOptions = {}) {
    this.#options = resolveProfileOptions(options);
    const { target, prediction, score, task, positiveLabel, threshold } = this.#options;
    this.#baseline = target !== undefined && (prediction !== undefined || score !== undefined) ? new BaselineCollector({ target, prediction, score, task, positiveLabel, threshold }) : undefined;
    this.#firstPass = (options as { [FIRST_PASS]?: FirstPass })[FIRST_PASS];
    for (const column of this.#options.columns ?? []) this.#column(column);
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.#rowCount;
  }

  #column(name: string): ColumnState {
    let state = this.#columns.get(name);
    if (state === undefined) {
      state = { pending: [], tally: emptyKindTally(), profiler: null };
      this.#columns.set(name, state);
      const kind = this.#firstPass?.kinds.get(name) ?? this.#forcedKind(name);
      if (kind !== undefined) this.#decide(name, state, kind);
    }
    return state;
  }

  #forcedKind(name: string): FeatureKind | undefined {
    return overriddenKind(name, this.#options.kinds) ?? (this.#options.binEdges.has(name) ? 'numeric' : undefined);
  }

  #decide(name: string, state: ColumnState, kind: FeatureKind): void {
    const options = this.#options;
    if (kind === 'numeric') {
      const userEdges = options.binEdges.get(name);
      const fixedEdges: FixedEdges | undefined =
        userEdges !== undefined
          ? { edges: userEdges, strategy: 'explicit', requestedBinCount: null, edgesFrom: 'user' }
          : this.#firstPass?.edges.get(name);
      state.profiler = new NumericColumnProfiler({
        binCount: options.binCount,
        maxExactValues: options.maxExactValues,
        relativeAccuracy: options.relativeAccuracy,
        ...(fixedEdges === undefined ? {} : { fixedEdges }),
      });
    } else {
      const zeroOne = options.zeroOneAsBoolean;
      state.profiler = new CategoricalColumnProfiler({
        kind,
        maxCategories: options.maxCategories,
        trackingCapacity: options.categoryTrackingCapacity,
        acceptLooseBooleans: options.kinds.boolean?.includes(name) === true || zeroOne === true || (Array.isArray(zeroOne) && zeroOne.includes(name)),
      });
    }
    const pending = state.pending ?? [];
    state.pending = null;
    for (const value of pending) state.profiler.add(value);
  }

  #decideFromTally(name: string, state: ColumnState): void {
    const kind = inferKindFromTally(name, state.tally, { overrides: this.#options.kinds, zeroOneAsBoolean: this.#options.zeroOneAsBoolean });
    this.#decide(name, state, kind);
  }

  #addValue(name: string, state: ColumnState, value: unknown): void {
    if (isMissing(value)) return;
    if (state.profiler !== null) {
      state.profiler.add(value);
      return;
    }
    const pending = state.pending as unknown[];
    pending.push(value);
    tallyValue(state.tally, value);
    if (pending.length >= this.#options.kindInferenceRows) this.#decideFromTally(name, state);
  }

  /**
   * Adds one row (an object of column → value). Keys not in `options.columns` are ignored when that
   * option is set; a column absent from a row counts as missing there.
   *
   * @throws TypeError when `row` is not a plain object.
   */
  add(row: object): this {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new TypeError(`row must be an object of column → value; got ${Array.isArray(row) ? 'an array' : String(row)}`);
    }
    this.#rowCount++;
    const names = this.#options.columns ?? Object.keys(row);
    const values = row as Readonly<Record<string, unknown>>;
    for (const name of names) this.#addValue(name, this.#column(name), values[name]);
    this.#addBaselineRow((name) => values[name]);
    return this;
  }

  /**
   * Adds a chunk of rows given column-wise: `{ age: [31, 45], city: ['Oslo', 'Lima'] }`. Every
   * column must have the same length (that many rows are added).
   *
   * @throws TypeError when `columns` is not an object of arrays; RangeError when lengths differ.
   */
  addColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>): this {
    if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
      throw new TypeError(`columns must be an object of column → array of values; got ${String(columns)}`);
    }
    let length: number | undefined;
    for (const [name, values] of Object.entries(columns)) {
      if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
        throw new TypeError(`columns.${name} must be an array of values; got ${String(values)}`);
      }
      if (length !== undefined && values.length !== length) {
        throw new RangeError(`every column must have the same length; columns.${name} has ${values.length} values, an earlier column ${length}`);
      }
      length = values.length;
    }
    const names = this.#options.columns ?? Object.keys(columns);
    for (const name of names) {
      const state = this.#column(name);
      const values = columns[name];
      if (values === undefined) continue;
      for (let i = 0; i < values.length; i++) this.#addValue(name, state, values[i]);
    }
    for (let row = 0; row < (length ?? 0); row++) this.#addBaselineRow((name) => columns[name]?.[row]);
    this.#rowCount += length ?? 0;
    return this;
  }

  #addBaselineRow(valueOf: (column: string) => unknown): void {
    const baseline = this.#baseline;
    if (baseline === undefined) return;
    const { target, prediction, score } = this.#options;
    const read = (column: string | undefined): unknown => (column === undefined || (this.#options.columns !== undefined && !this.#options.columns.includes(column)) ? undefined : valueOf(column));
    baseline.add(read(target), read(prediction), read(score));
  }

  #profilers(): Array<[string, ColumnProfiler]> {
    const result: Array<[string, ColumnProfiler]> = [];
    for (const [name, state] of this.#columns) {
      if (state.profiler === null) this.#decideFromTally(name, state);
      result.push([name, state.profiler as ColumnProfiler]);
    }
    return result;
  }

  /**
   * The profile of every row added so far. Columns whose kind was still undecided are decided from
   * the values seen. The builder stays usable (more rows can be added and `finish` called again).
   */
  finish(): ReferenceProfile {
    const options = this.#options;
    const features: Record<string, FeatureProfile> = {};
    const featureOrder: string[] = [];
    for (const [name, profiler] of this.#profilers()) {
      const role: FeatureRole = options.roles.get(name) ?? 'feature';
      const importance = options.importance[name];
      const totals = { role, rowCount: this.#rowCount, ...(importance === undefined ? {} : { importance }) };
      features[name] = profiler.finish(totals);
      featureOrder.push(name);
    }
    const has = (column: string | undefined): column is string => column !== undefined && Object.hasOwn(features, column);
    const { target, prediction, score } = options;
    const collected = this.#baseline?.finish();
    const baseline =
      has(target) && (has(prediction) || has(score)) && collected !== undefined
        ? { ...collected, ...(has(prediction) ? {} : { prediction: undefined }), ...(has(score) ? {} : { score: undefined }) }
        : undefined;
    if (baseline !== undefined) {
      if (baseline.prediction === undefined) delete baseline.prediction;
      if (baseline.score === undefined) delete baseline.score;
    }
    return {
      type: PROFILE_TYPE,
      schemaVersion: PROFILE_SCHEMA_VERSION,
      createdAt: options.createdAt,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.description === undefined ? {} : { description: options.description }),
      rowCount: this.#rowCount,
      featureOrder,
      features,
      ...(baseline === undefined ? {} : { baseline }),
    };
  }

  /**
   * Two-pass mode for data that can be read twice (a file): call this after the first pass, feed
   * the SAME data to the returned builder, and its `finish()` has bin counts counted exactly on the
   * first pass's edges (exact quantile edges when a column had at most `maxExactValues` distinct
   * values, sketch-quantile edges otherwise) and the kinds decided in the first pass.
   *
   * @example
   * const first = new ProfileBuilder(options); for (const row of readRows(file)) first.add(row);
   * const second = first.edgesFromFirstPass(); for (const row of readRows(file)) second.add(row);
   * const profile = second.finish();
   */
  edgesFromFirstPass(): ProfileBuilder {
    const kinds = new Map<string, FeatureKind>();
    const edges = new Map<string, FixedEdges>();
    for (const [name, profiler] of this.#profilers()) {
      if (profiler instanceof NumericColumnProfiler) {
        kinds.set(name, 'numeric');
        edges.set(name, profiler.edges());
      } else kinds.set(name, profiler.options.kind);
    }
    const options: ProfileOptions & { [FIRST_PASS]: FirstPass } = {
      ...this.#originalOptions(),
      [FIRST_PASS]: { kinds, edges },
    };
    return new ProfileBuilder(options);
  }

  #originalOptions(): ProfileOptions {
    const o = this.#options;
    const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
      (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
    return {
      ...optional('name', o.name),
      ...optional('description', o.description),
      createdAt: o.createdAt,
      ...optional('columns', o.columns),
      kinds: o.kinds,
      zeroOneAsBoolean: o.zeroOneAsBoolean,
      ...optional('target', o.target),
      ...optional('prediction', o.prediction),
      ...optional('score', o.score),
      ...optional('task', o.task),
      positiveLabel: o.positiveLabel,
      threshold: o.threshold,
      importance: o.importance,
      binCount: o.binCount,
      binEdges: Object.fromEntries(o.binEdges),
      maxCategories: o.maxCategories,
      categoryTrackingCapacity: o.categoryTrackingCapacity,
      maxExactValues: o.maxExactValues,
      relativeAccuracy: o.relativeAccuracy,
      kindInferenceRows: o.kindInferenceRows,
    };
  }
}

/** Private channel for the first pass's decisions (not part of the options users see). */
const FIRST_PASS = Symbol('modelwatch.profile.firstPass');
