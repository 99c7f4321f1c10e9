import { z } from 'zod';
import { assertIntegerOption, parseAccumulatorJson } from './parse-accumulator-json.js';
import { delongStandardError } from './sampling-error.js';

/** Options of {@link RocScoreCounts}. */
export interface RocScoreCountsOptions {
  /** Distinct scores kept exactly before switching to the histogram. Default 10 000. */
  maxExactScores?: number;
  /** Equal-width bins on [0, 1] of the histogram mode. Default 1 000. */
  bins?: number;
}

/** ROC AUC read from {@link RocScoreCounts}. */
export interface RocAucEstimate {
  /** Area under the ROC curve; NaN without both a positive and a negative row. */
  value: number;
  /** |value − exact AUC| ≤ errorBound; 0 in exact mode. */
  errorBound: number;
  /** Whether every distinct score is still kept. */
  exact: boolean;
  /** DeLong standard error of the AUC over these rows (sampling error; NaN with fewer than 2 positives or negatives). */
  standardError: number;
}

/** JSON form of {@link RocScoreCounts}. */
export interface RocScoreCountsJson {
  maxExactScores: number;
  bins: number;
  /** Exact mode: [score, negatives, positives] per distinct score; null in histogram mode. */
  exact: [number, number, number][] | null;
  /** Histogram mode: negatives and positives per bin; null in exact mode. */
  binNegatives: number[] | null;
  binPositives: number[] | null;
}

const DEFAULT_MAX_EXACT_SCORES = 10_000;
const DEFAULT_BINS = 1_000;
const BYTES_PER_EXACT_SCORE = 80;
const BYTES_PER_BIN = 16;

const count = z.number().int().nonnegative();
const jsonSchema = z.object({
  maxExactScores: z.number().int().nonnegative(),
  bins: z.number().int().positive(),
  exact: z.array(z.tuple([z.number(), count, count])).nullable(),
  binNegatives: z.array(count).nullable(),
  binPositives: z.array(count).nullable(),
});

/**
 * Bounded per-score counts of positives and negatives for a streaming ROC AUC.
 *
 * Exact mode (while at most `maxExactScores` distinct scores were seen): one (negatives, positives)
 * pair per distinct score, so the AUC equals scikit-learn 1.2.1 `roc_auc_score(y_true, y_score)`
 * (the Mann–Whitney form: ties count 1/2) up to float rounding. Beyond it, the counts fold into a
 * fixed histogram of `bins` equal bins on [0, 1] (scores outside are clamped into the end bins)
 * and scores within one bin count as ties. Error bound (reported with every estimate, data
 * dependent): |AUC_hist − AUC| ≤ Σ_b neg_b·pos_b / (2·P·N), half the share of positive–negative
 * pairs that share a bin; for continuous scores this shrinks like 1/bins.
 *
 * Memory: ≤ 80·maxExactScores bytes in exact mode, 16·bins bytes in histogram mode.
 */
export class RocScoreCounts {
  readonly maxExactScores: number;
  readonly bins: number;
  private exact: Map<number, [number, number]> | null = new Map();
  private binNegatives: Float64Array | null = null;
  private binPositives: Float64Array | null = null;

  /** @throws RangeError when maxExactScores is not an integer >= 0 or bins not an integer >= 1. */
  constructor(options: RocScoreCountsOptions = {}) {
    this.maxExactScores = options.maxExactScores ?? DEFAULT_MAX_EXACT_SCORES;
    this.bins = options.bins ?? DEFAULT_BINS;
    assertIntegerOption('maxExactScores', this.maxExactScores, 0);
    assertIntegerOption('bins', this.bins, 1);
  }

  /** Whether every distinct score is still kept. */
  get isExact(): boolean {
    return this.exact !== null;
  }

  /** Counts one finite score with its outcome (the caller validates the score). */
  record(score: number, positive: boolean): void {
    this.add(score, positive ? 0 : 1, positive ? 1 : 0);
  }

  /**
   * A new store holding both inputs. Stays exact when both are exact and the union of their
   * scores fits; otherwise histogram mode.
   * @throws RangeError when the options differ.
   */
  merge(other: RocScoreCounts): RocScoreCounts {
    if (other.maxExactScores !== this.maxExactScores || other.bins !== this.bins) {
      throw new RangeError(`cannot merge score counts with different options (maxExactScores ${this.maxExactScores} vs ${other.maxExactScores}, bins ${this.bins} vs ${other.bins})`);
    }
    const merged = new RocScoreCounts({ maxExactScores: this.maxExactScores, bins: this.bins });
    for (const source of [this, other]) {
      if (source.exact !== null) {
        for (const [score, [negatives, positives]] of source.exact) merged.add(score, negatives, positives);
        continue;
      }
      merged.foldIntoHistogram();
      addCounts(merged.binNegatives as Float64Array, source.binNegatives as Float64Array);
      addCounts(merged.binPositives as Float64Array, source.binPositives as Float64Array);
    }
    return merged;
  }

  /** The ROC AUC with its error bound (see the class comment). */
  rocAuc(): RocAucEstimate {
    const groups: [number, number][] = [];
    if (this.exact !== null) {
      const scores = [...this.exact.keys()].sort((a, b) => b - a);
      for (const score of scores) groups.push(this.exact.get(score) as [number, number]);
    } else {
      for (let bin = this.bins - 1; bin >= 0; bin--) groups.push([(this.binNegatives as Float64Array)[bin] as number, (this.binPositives as Float64Array)[bin] as number]);
    }
    let positivesAbove = 0;
    let negatives = 0;
    let twiceArea = 0;
    let sharedPairs = 0;
    for (const [groupNegatives, groupPositives] of groups) {
      twiceArea += groupNegatives * (2 * positivesAbove + groupPositives);
      sharedPairs += groupNegatives * groupPositives;
      positivesAbove += groupPositives;
      negatives += groupNegatives;
    }
    const pairs = positivesAbove * negatives;
    if (pairs === 0) return { value: Number.NaN, errorBound: Number.NaN, exact: this.isExact, standardError: Number.NaN };
    return { value: twiceArea / (2 * pairs), errorBound: this.isExact ? 0 : sharedPairs / (2 * pairs), exact: this.isExact, standardError: delongStandardError(groups) };
  }

  /** Approximate bytes held: see the class comment for the bound. */
  approxBytes(): number {
    return this.exact !== null ? BYTES_PER_EXACT_SCORE * this.exact.size : BYTES_PER_BIN * this.bins;
  }

  /** Upper bound of {@link approxBytes} for these options. */
  maxBytes(): number {
    return Math.max(BYTES_PER_EXACT_SCORE * this.maxExactScores, BYTES_PER_BIN * this.bins);
  }

  toJSON(): RocScoreCountsJson {
    return {
      maxExactScores: this.maxExactScores,
      bins: this.bins,
      exact: this.exact === null ? null : [...this.exact].map(([score, [negatives, positives]]) => [score === 0 ? 0 : score, negatives, positives]),
      binNegatives: this.binNegatives === null ? null : Array.from(this.binNegatives),
      binPositives: this.binPositives === null ? null : Array.from(this.binPositives),
    };
  }

  /** Reads back `toJSON()`. @throws TypeError naming the bad field. */
  static fromJSON(json: unknown): RocScoreCounts {
    const data = parseAccumulatorJson('RocScoreCounts', jsonSchema, json);
    const restored = new RocScoreCounts({ maxExactScores: data.maxExactScores, bins: data.bins });
    if (data.exact !== null) {
      if (data.exact.length > data.maxExactScores) throw new TypeError(`RocScoreCounts.fromJSON: exact: ${data.exact.length} scores exceed maxExactScores ${data.maxExactScores}`);
      for (const [score, negatives, positives] of data.exact) restored.add(score, negatives, positives);
      return restored;
    }
    if (data.binNegatives?.length !== data.bins || data.binPositives?.length !== data.bins) {
      throw new TypeError(`RocScoreCounts.fromJSON: binNegatives/binPositives must hold ${data.bins} counts each in histogram mode`);
    }
    restored.foldIntoHistogram();
    (restored.binNegatives as Float64Array).set(data.binNegatives);
    (restored.binPositives as Float64Array).set(data.binPositives);
    return restored;
  }

  private add(score: number, negatives: number, positives: number): void {
    if (this.exact !== null) {
      const counts = this.exact.get(score);
      if (counts !== undefined) {
        counts[0] += negatives;
        counts[1] += positives;
        return;
      }
      if (this.exact.size < this.maxExactScores) {
        this.exact.set(score, [negatives, positives]);
        return;
      }
      this.foldIntoHistogram();
    }
    const bin = this.binOf(score);
    const binNegatives = this.binNegatives as Float64Array;
    const binPositives = this.binPositives as Float64Array;
    binNegatives[bin] = (binNegatives[bin] as number) + negatives;
    binPositives[bin] = (binPositives[bin] as number) + positives;
  }

  private foldIntoHistogram(): void {
    if (this.exact === null) return;
    const exact = this.exact;
    this.exact = null;
    this.binNegatives = new Float64Array(this.bins);
    this.binPositives = new Float64Array(this.bins);
    for (const [score, [negatives, positives]] of exact) this.add(score, negatives, positives);
  }

  private binOf(score: number): number {
    if (!(score > 0)) return 0;
    return Math.min(this.bins - 1, Math.floor(score * this.bins));
  }
}

/** target[i] += source[i] for every bin. */
function addCounts(target: Float64Array, source: Float64Array): void {
  for (let bin = 0; bin < target.length; bin++) target[bin] = (target[bin] as number) + (source[bin] as number);
}
