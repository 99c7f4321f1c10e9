/**
 * Profiles one numeric column in one pass with bounded memory (see docs/profiles.md, "Modes and
 * accuracy"): moments, an exact value record while the column has few enough distinct values, a
 * quantile sketch always, and exact bin counts when the edges are known up front.
 */
import { binIndex } from '../stats/binning.js';
import { QuantileSketch, RunningMoments } from '../sketches/index.js';
import { edgesFromQuantileFunction } from './bin-edges.js';
import { ExactValueBuffer, quantileOfSortedCounts } from './exact-value-buffer.js';
import { PROFILE_QUANTILES } from './schema.js';
import type { NumericBinning, NumericFeatureProfile, ProfileQuantiles } from './schema.js';

/** Edges fixed before the values are seen: the user's, or those of a first pass. */
export interface FixedEdges {
  edges: readonly number[];
  strategy: NumericBinning['strategy'];
  requestedBinCount: number | null;
  edgesFrom: NumericBinning['edgesFrom'];
}

export interface NumericColumnOptions {
  /** Bins asked for when the edges come from quantiles. */
  binCount: number;
  /** Count exactly on these edges instead of deriving quantile edges at the end. */
  fixedEdges?: FixedEdges;
  /** Capacity of the exact value record (distinct values). */
  maxExactValues: number;
  /** α of the quantile sketch. */
  relativeAccuracy: number;
}

/** What the column-independent part of a feature profile needs from the builder. @internal */
export interface ColumnTotals {
  role: NumericFeatureProfile['role'];
  rowCount: number;
  importance?: number;
}

/** JSON has no Infinity/NaN: a statistic that overflows float64 (e.g. the std of ±1e200) is stored as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** @internal */
export class NumericColumnProfiler {
  readonly options: NumericColumnOptions;
  #count = 0;
  #typeErrors = 0;
  #negativeInfinite = 0;
  #positiveInfinite = 0;
  readonly #moments = RunningMoments.create();
  readonly #sketch: QuantileSketch;
  readonly #buffer: ExactValueBuffer;
  readonly #fixedCounts: Float64Array | undefined;

  constructor(options: NumericColumnOptions) {
    this.options = options;
    this.#sketch = QuantileSketch.create({ relativeAccuracy: options.relativeAccuracy });
    this.#buffer = new ExactValueBuffer(options.maxExactValues);
    if (options.fixedEdges !== undefined) this.#fixedCounts = new Float64Array(options.fixedEdges.edges.length + 1);
  }

  /** Records one non-missing value: a number (or bigint) counts, anything else is a type error. */
  add(value: unknown): void {
    const x = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : NaN;
    if (Number.isNaN(x)) {
      this.#typeErrors++;
      return;
    }
    this.#count++;
    if (this.#fixedCounts !== undefined && this.options.fixedEdges !== undefined) {
      const bin = binIndex(this.options.fixedEdges.edges, x);
      this.#fixedCounts[bin] = (this.#fixedCounts[bin] as number) + 1;
    }
    if (x === Infinity) this.#positiveInfinite++;
    else if (x === -Infinity) this.#negativeInfinite++;
    else {
      this.#moments.add(x);
      this.#sketch.add(x);
      this.#buffer.add(x);
    }
  }

  get count(): number {
    return this.#count;
  }

  get typeErrorCount(): number {
    return this.#typeErrors;
  }

  /** The edges this column's profile will use, with where they came from (for a second pass). */
  edges(): FixedEdges {
    if (this.options.fixedEdges !== undefined) return this.options.fixedEdges;
    const exact = this.#buffer.sortedCounts();
    const finite = this.#count - this.#negativeInfinite - this.#positiveInfinite;
    if (finite === 0) return { edges: [], strategy: 'quantile', requestedBinCount: this.options.binCount, edgesFrom: exact === null ? 'sketch' : 'exact' };
    const quantileAt = exact === null ? (q: number) => this.#sketch.quantile(q) : (q: number) => quantileOfSortedCounts(exact.values, exact.counts, finite, q);
    const edges = edgesFromQuantileFunction(quantileAt, this.options.binCount, this.#sketch.min, this.#sketch.max);
    return { edges, strategy: 'quantile', requestedBinCount: this.options.binCount, edgesFrom: exact === null ? 'sketch' : 'exact' };
  }

  #binCounts(edges: readonly number[]): { counts: number[]; countsFrom: NumericBinning['countsFrom'] } {
    if (this.#fixedCounts !== undefined) return { counts: Array.from(this.#fixedCounts), countsFrom: 'exact' };
    const counts = new Array<number>(edges.length + 1).fill(0);
    const exact = this.#buffer.sortedCounts();
    let countsFrom: NumericBinning['countsFrom'] = 'exact';
    if (exact !== null) {
      for (let i = 0; i < exact.values.length; i++) {
        const bin = binIndex(edges, exact.values[i] as number);
        counts[bin] = (counts[bin] as number) + (exact.counts[i] as number);
      }
    } else {
      countsFrom = 'sketch';
      const finite = this.#sketch.count;
      let before = 0;
      edges.forEach((edge, i) => {
        const atOrBelow = Math.max(before, Math.min(finite, Math.round(finite * this.#fractionBelow(edge))));
        counts[i] = atOrBelow - before;
        before = atOrBelow;
      });
      counts[edges.length] = finite - before;
    }
    counts[0] = (counts[0] as number) + this.#negativeInfinite;
    counts[edges.length] = (counts[edges.length] as number) + this.#positiveInfinite;
    return { counts, countsFrom };
  }

  /**
   * Sketch estimate of the fraction of finite values below `edge`: the sketch's bucket holding the
   * edge is split in half (its lower part below the edge, by the midpoint rule), so the error is at
   * most half the mass of one bucket (values within relative α of the edge) and near 0 for smooth data.
   */
  #fractionBelow(edge: number): number {
    const sketch = this.#sketch;
    const gamma = (1 + sketch.relativeAccuracy) / (1 - sketch.relativeAccuracy);
    const throughBucket = sketch.cdf(edge);
    const previous = edge > 0 ? edge / gamma : edge < 0 ? edge * gamma : -Number.MIN_VALUE;
    const beforeBucket = previous < sketch.min ? 0 : sketch.cdf(previous);
    return (throughBucket + beforeBucket) / 2;
  }

  #quantiles(): { quantiles: ProfileQuantiles | null; exact: boolean } {
    const finite = this.#sketch.count;
    const exact = this.#buffer.sortedCounts();
    if (finite === 0) return { quantiles: null, exact: exact !== null };
    const at = (q: number): number => (exact === null ? this.#sketch.quantile(q) : quantileOfSortedCounts(exact.values, exact.counts, finite, q));
    const quantiles = Object.fromEntries(Object.entries(PROFILE_QUANTILES).map(([name, q]) => [name, at(q)])) as ProfileQuantiles;
    return { quantiles, exact: exact !== null };
  }

  /** The numeric feature profile of everything added so far. */
  finish(totals: ColumnTotals): NumericFeatureProfile {
    const { edges, strategy, requestedBinCount, edgesFrom } = this.edges();
    const { counts, countsFrom } = this.#binCounts(edges);
    const { quantiles, exact } = this.#quantiles();
    const finite = this.#sketch.count;
    const missingCount = totals.rowCount - this.#count - this.#typeErrors;
    return {
      kind: 'numeric',
      role: totals.role,
      count: this.#count,
      missingCount,
      missingRate: totals.rowCount > 0 ? missingCount / totals.rowCount : 0,
      typeErrorCount: this.#typeErrors,
      ...(totals.importance === undefined ? {} : { importance: totals.importance }),
      infiniteCount: this.#negativeInfinite + this.#positiveInfinite,
      binEdges: [...edges],
      binCounts: counts,
      binFractions: counts.map((count) => (this.#count > 0 ? count / this.#count : 0)),
      binning: { strategy, requestedBinCount, edgesFrom, countsFrom },
      range: finite > 0 ? { min: this.#sketch.min, max: this.#sketch.max } : null,
      mean: finite > 0 ? finiteOrNull(this.#moments.mean) : null,
      std: finite > 0 ? finiteOrNull(this.#moments.std(0)) : null,
      sampleStd: finite > 1 ? finiteOrNull(this.#moments.std(1)) : null,
      quantiles,
      quantilesExact: exact,
      sketch: this.#sketch.toJSON(),
    };
  }
}
