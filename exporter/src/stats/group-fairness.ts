import { GroupFairnessAccumulator, type GroupCounts } from './group-fairness-accumulator.js';
import { assertArrayLike, assertPairedRows } from './metric-arguments.js';

/** Rates of one group. TPR is NaN without positives, FPR NaN without negatives. */
export interface GroupRates extends GroupCounts {
  group: string;
  /** mean(yPred) in the group. */
  selectionRate: number;
  /** mean(yPred | yTrue = 1), recall of the group. */
  truePositiveRate: number;
  /** mean(yPred | yTrue = 0). */
  falsePositiveRate: number;
}

/** Group-fairness report: per-group rates and the between-group gaps. */
export interface GroupFairnessReport {
  /** Group names sorted as strings. */
  groups: string[];
  /** One entry per group, in `groups` order. */
  perGroup: GroupRates[];
  /** max − min selection rate (0 = parity). */
  demographicParityDifference: number;
  /** min / max selection rate (1 = parity; NaN when no group selects anyone). */
  disparateImpactRatio: number;
  /** max − min TPR over groups that have positives (NaN if none): equal opportunity difference. */
  truePositiveRateDifference: number;
  /** max − min FPR over groups that have negatives (NaN if none). */
  falsePositiveRateDifference: number;
  /** Same as `truePositiveRateDifference`. */
  equalOpportunityDifference: number;
  /** max(TPR difference, FPR difference), ignoring a NaN one (NaN if both are). */
  equalizedOddsDifference: number;
}

/**
 * Group-fairness metrics of a binary classifier by definition (no library reference; the names follow
 * fairlearn's `demographic_parity_difference`, `equalized_odds_difference` and the EEOC
 * "disparate impact" ratio). Groups are sorted as strings; per group the selection rate, TPR and
 * FPR; TPR/FPR are NaN for a group without positives/negatives and such groups are left out of the
 * max − min. Disparate impact = min/max selection rate (IEEE: 0/0 = NaN); see
 * {@link passesFourFifthsRule}.
 *
 * @throws RangeError on empty/unequal inputs or labels other than 0/1; TypeError on a non-string group.
 * @example groupFairness([1, 0, 1, 0], [1, 0, 1, 1], ['A', 'A', 'B', 'B']).demographicParityDifference // 0.5
 */
export function groupFairness(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, group: ArrayLike<string>): GroupFairnessReport {
  assertPairedRows('yTrue', yTrue, 'yPred', yPred);
  assertArrayLike('group', group);
  if (group.length !== yTrue.length) throw new RangeError(`group must have one entry per row: ${group.length} entries for ${yTrue.length} rows`);
  const accumulator = new GroupFairnessAccumulator();
  for (let i = 0; i < yTrue.length; i++) accumulator.record(yTrue[i] as number, yPred[i] as number, group[i] as string);
  return groupFairnessFromCounts(accumulator);
}

/** What {@link groupFairnessFromCounts} reads: the group names in order and each group's counts. */
export interface GroupCountsSource {
  groups(): readonly string[];
  countsOf(group: string): GroupCounts | undefined;
}

/** {@link groupFairness} from streaming counts. With no group yet, every difference is NaN. */
export function groupFairnessFromCounts(accumulator: GroupCountsSource): GroupFairnessReport {
  const groups = accumulator.groups();
  const perGroup = groups.map((group): GroupRates => {
    const counts = accumulator.countsOf(group) as GroupCounts;
    return {
      group,
      ...counts,
      selectionRate: counts.selected / counts.count,
      truePositiveRate: counts.positives === 0 ? Number.NaN : counts.truePositives / counts.positives,
      falsePositiveRate: counts.negatives === 0 ? Number.NaN : counts.falsePositives / counts.negatives,
    };
  });
  const selection = definedRange(perGroup.map((rates) => rates.selectionRate));
  const truePositiveRateDifference = definedRange(perGroup.map((rates) => rates.truePositiveRate)).spread;
  const falsePositiveRateDifference = definedRange(perGroup.map((rates) => rates.falsePositiveRate)).spread;
  return {
    groups: [...groups],
    perGroup,
    demographicParityDifference: selection.spread,
    disparateImpactRatio: selection.min / selection.max,
    truePositiveRateDifference,
    falsePositiveRateDifference,
    equalOpportunityDifference: truePositiveRateDifference,
    equalizedOddsDifference: nanMax(truePositiveRateDifference, falsePositiveRateDifference),
  };
}

/**
 * The four-fifths (80 %) rule of the US EEOC Uniform Guidelines: a selection-rate ratio passes when
 * it lies in [lower, upper] = [0.8, 1.25] (1.25 = 1/0.8 covers a ratio taken the other way round,
 * e.g. group vs reference group). NaN fails.
 *
 * @example passesFourFifthsRule(groupFairness(yTrue, yPred, group).disparateImpactRatio)
 * @example passesFourFifthsRule(0.79) // false
 */
export function passesFourFifthsRule(ratio: number, band: { lower?: number; upper?: number } = {}): boolean {
  const lower = band.lower ?? 0.8;
  const upper = band.upper ?? 1.25;
  if (!(lower <= upper)) throw new RangeError(`band.lower must be <= band.upper, got ${lower} and ${upper}`);
  return ratio >= lower && ratio <= upper;
}

/** min, max and max − min of the non-NaN values (all NaN when there are none). */
function definedRange(values: readonly number[]): { min: number; max: number; spread: number } {
  const defined = values.filter((value) => !Number.isNaN(value));
  if (defined.length === 0) return { min: Number.NaN, max: Number.NaN, spread: Number.NaN };
  const min = Math.min(...defined);
  const max = Math.max(...defined);
  return { min, max, spread: max - min };
}

function nanMax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
