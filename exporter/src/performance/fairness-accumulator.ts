import { z } from 'zod';
import type { GroupCounts } from '../stats/group-fairness-accumulator.js';
import { groupFairnessFromCounts, passesFourFifthsRule, type GroupCountsSource, type GroupFairnessReport } from '../stats/group-fairness.js';
import { compareClassLabels } from '../stats/class-labels.js';
import { assertIntegerOption, parseAccumulatorJson } from './parse-accumulator-json.js';

/** Options of {@link FairnessAccumulator}. */
export interface FairnessAccumulatorOptions {
  /** Distinct groups tracked; rows of further groups go to the overflow counts. Default 100. */
  maxGroups?: number;
  /** The four-fifths band of `passesFourFifthsRule`. Default [0.8, 1.25]. */
  fourFifthsBand?: { lower?: number; upper?: number };
}

/** What {@link FairnessAccumulator.result} reports: the batch `groupFairness` report plus stream facts. */
export interface FairnessResult extends GroupFairnessReport {
  /** Rows counted in a tracked group. */
  count: number;
  /** Rows left out: truth or prediction not 0/1, or a group that is not a string. */
  skipped: number;
  /** Whether `disparateImpactRatio` lies in the four-fifths band (false when NaN). */
  passesFourFifthsRule: boolean;
  /** Counts of the rows whose group arrived after `maxGroups` were tracked (not in the differences). */
  overflow: GroupCounts;
  /** True once any row went to the overflow bucket (the overflow groups' names are not kept). */
  overflowed: boolean;
}

/** JSON form (type tag `fairness-accumulator`). */
export interface FairnessAccumulatorJson {
  type: 'fairness-accumulator';
  maxGroups: number;
  fourFifthsBand: { lower: number; upper: number };
  skipped: number;
  groups: [string, GroupCounts][];
  overflow: GroupCounts;
}

const count = z.number().int().nonnegative();
const countsSchema = z.object({ count, positives: count, negatives: count, selected: count, truePositives: count, falsePositives: count });
const jsonSchema = z.object({
  type: z.literal('fairness-accumulator'),
  maxGroups: z.number().int().positive(),
  fourFifthsBand: z.object({ lower: z.number(), upper: z.number() }),
  skipped: count,
  groups: z.array(z.tuple([z.string(), countsSchema])),
  overflow: countsSchema,
});

const DEFAULT_MAX_GROUPS = 100;
const BYTES_PER_GROUP = 160;

function emptyCounts(): GroupCounts {
  return { count: 0, positives: 0, negatives: 0, selected: 0, truePositives: 0, falsePositives: 0 };
}

function addCounts(target: GroupCounts, source: GroupCounts): void {
  target.count += source.count;
  target.positives += source.positives;
  target.negatives += source.negatives;
  target.selected += source.selected;
  target.truePositives += source.truePositives;
  target.falsePositives += source.falsePositives;
}

/**
 * Streaming, mergeable group-fairness counts of a binary classifier: fed (truth, prediction, group)
 * one row at a time, keeps six counts per group and reports what the batch `groupFairness` reports
 * (per-group selection rate, TPR, FPR and sample counts; demographic parity difference, disparate
 * impact ratio, equal opportunity / equalized odds differences; by definition, the fairlearn names)
 * plus the four-fifths flag (`passesFourFifthsRule`, EEOC band 0.8–1.25).
 *
 * At most `maxGroups` groups are tracked (first come, first kept); rows of later groups add to one
 * overflow bucket, reported separately and left out of the differences. `record` never throws.
 * Memory ≤ {@link maxBytes}.
 *
 * @example
 * const acc = new FairnessAccumulator();
 * acc.record(1, 1, 'A').record(0, 0, 'A').record(1, 1, 'B').record(0, 1, 'B');
 * acc.result().demographicParityDifference // 0.5
 */
export class FairnessAccumulator {
  readonly maxGroups: number;
  private readonly band: { lower: number; upper: number };
  private readonly countsByGroup = new Map<string, GroupCounts>();
  private overflowCounts = emptyCounts();
  private skippedRows = 0;

  /** @throws RangeError when maxGroups is not a positive integer or the band is inverted. */
  constructor(options: FairnessAccumulatorOptions = {}) {
    this.maxGroups = options.maxGroups ?? DEFAULT_MAX_GROUPS;
    assertIntegerOption('options.maxGroups', this.maxGroups, 1);
    this.band = { lower: options.fourFifthsBand?.lower ?? 0.8, upper: options.fourFifthsBand?.upper ?? 1.25 };
    if (!(this.band.lower <= this.band.upper)) throw new RangeError(`options.fourFifthsBand.lower must be <= upper, got ${this.band.lower} and ${this.band.upper}`);
  }

  /** Counts one row: truth and prediction 0 or 1, the row's group name. Never throws (bad rows go to `skipped`). */
  record(yTrue: number, yPred: number, group: string): this {
    if ((yTrue !== 0 && yTrue !== 1) || (yPred !== 0 && yPred !== 1) || typeof group !== 'string') {
      this.skippedRows++;
      return this;
    }
    const counts: GroupCounts = { count: 1, positives: yTrue, negatives: 1 - yTrue, selected: yPred, truePositives: yTrue * yPred, falsePositives: (1 - yTrue) * yPred };
    this.addGroupCounts(group, counts);
    return this;
  }

  /**
   * A new accumulator holding both inputs' rows (neither changes). Associative while the groups fit
   * in `maxGroups`; beyond it `this`'s groups win and `other`'s extra groups go to the overflow.
   * @throws RangeError when maxGroups or the band differ.
   */
  merge(other: FairnessAccumulator): FairnessAccumulator {
    if (other.maxGroups !== this.maxGroups || other.band.lower !== this.band.lower || other.band.upper !== this.band.upper) {
      throw new RangeError('cannot merge fairness accumulators with different maxGroups or fourFifthsBand');
    }
    const merged = new FairnessAccumulator({ maxGroups: this.maxGroups, fourFifthsBand: this.band });
    for (const source of [this, other]) {
      for (const [group, counts] of source.countsByGroup) merged.addGroupCounts(group, counts);
      addCounts(merged.overflowCounts, source.overflowCounts);
      merged.skippedRows += source.skippedRows;
    }
    return merged;
  }

  /** The report so far (NaN differences before any row; never throws). */
  result(): FairnessResult {
    const report = groupFairnessFromCounts(this.countsView());
    let counted = 0;
    for (const counts of this.countsByGroup.values()) counted += counts.count;
    return {
      ...report,
      count: counted,
      skipped: this.skippedRows,
      passesFourFifthsRule: passesFourFifthsRule(report.disparateImpactRatio, this.band),
      overflow: { ...this.overflowCounts },
      overflowed: this.overflowCounts.count > 0,
    };
  }

  /** Approximate bytes held now. */
  approxBytes(): number {
    let bytes = 256;
    for (const group of this.countsByGroup.keys()) bytes += BYTES_PER_GROUP + 2 * group.length;
    return bytes;
  }

  /** Upper bound of {@link approxBytes} given the longest group name `maxNameLength` the host allows. */
  maxBytes(maxNameLength: number): number {
    return 256 + this.maxGroups * (BYTES_PER_GROUP + 2 * maxNameLength);
  }

  toJSON(): FairnessAccumulatorJson {
    return {
      type: 'fairness-accumulator',
      maxGroups: this.maxGroups,
      fourFifthsBand: { ...this.band },
      skipped: this.skippedRows,
      groups: [...this.countsByGroup].map(([group, counts]) => [group, { ...counts }]),
      overflow: { ...this.overflowCounts },
    };
  }

  /** Reads back `toJSON()` (after JSON.stringify/parse). @throws TypeError naming the bad field. */
  static fromJSON(json: unknown): FairnessAccumulator {
    const data = parseAccumulatorJson('FairnessAccumulator', jsonSchema, json);
    if (data.groups.length > data.maxGroups) throw new TypeError(`FairnessAccumulator.fromJSON: groups: ${data.groups.length} groups exceed maxGroups ${data.maxGroups}`);
    const restored = new FairnessAccumulator({ maxGroups: data.maxGroups, fourFifthsBand: data.fourFifthsBand });
    for (const [group, counts] of data.groups) restored.addGroupCounts(group, counts);
    restored.overflowCounts = { ...data.overflow };
    restored.skippedRows = data.skipped;
    return restored;
  }

  private addGroupCounts(group: string, counts: GroupCounts): void {
    let target = this.countsByGroup.get(group);
    if (target === undefined) {
      if (this.countsByGroup.size >= this.maxGroups) {
        addCounts(this.overflowCounts, counts);
        return;
      }
      target = emptyCounts();
      this.countsByGroup.set(group, target);
    }
    addCounts(target, counts);
  }

  /**
   * The two reads `groupFairnessFromCounts` makes (sorted group names, counts of a group), over this
   * accumulator's capped counts, so the rates and differences come from the one batch implementation.
   */
  private countsView(): GroupCountsSource {
    const countsByGroup = this.countsByGroup;
    return {
      groups: () => [...countsByGroup.keys()].sort(compareClassLabels),
      countsOf: (group: string) => {
        const counts = countsByGroup.get(group);
        return counts === undefined ? undefined : { ...counts };
      },
    };
  }
}
