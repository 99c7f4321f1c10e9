/**
 * Expected ROC AUC from calibrated probabilities (NannyML CBPE): row i counts as positive with
 * weight p_i and as negative with weight 1 − p_i, ranked by p_i. The expected TPR/FPR at each
 * threshold t are Σ_{p ≥ t} p / Σ p and Σ_{p ≥ t} (1 − p) / Σ (1 − p); the AUC is the trapezoid
 * area under that curve from (0, 0) to (1, 1), tied probabilities forming one step (as
 * scikit-learn's `roc_auc_score` with `sample_weight`).
 *
 * NannyML's `estimate_roc_auc` builds the same curve but omits the last segment to (0, 0) and
 * splits tie groups; the two differ by O(1/n).
 */
import { delongStandardError } from '../performance/sampling-error.js';

/** One tie group (or histogram bin) of calibrated probabilities. */
interface ProbabilityGroup {
  /** Σ p over the group: its expected positives. */
  readonly positive: number;
  /** Σ (1 − p) over the group: its expected negatives. */
  readonly negative: number;
}

/** DeLong standard error over the expected weights of the groups (highest probability first). */
function standardErrorOfDescendingGroups(groups: readonly ProbabilityGroup[]): number {
  return delongStandardError(groups.map((group) => [group.negative, group.positive] as const));
}

/** Trapezoid AUC over groups listed from the highest probability down; NaN when either class has zero expected weight. */
function aucOfDescendingGroups(groups: Iterable<ProbabilityGroup>): number {
  let positivesAbove = 0;
  let area = 0;
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (const { positive, negative } of groups) {
    area += negative * (positivesAbove + positive / 2);
    positivesAbove += positive;
    positiveTotal += positive;
    negativeTotal += negative;
  }
  if (!(positiveTotal > 0) || !(negativeTotal > 0)) return Number.NaN;
  return Math.min(1, Math.max(0, area / (positiveTotal * negativeTotal)));
}

/**
 * Exact expected ROC AUC of a window from its calibrated probabilities (see module notes).
 * NaN for an empty window or when every probability is 0 or every one is 1.
 *
 * @param probabilities calibrated probabilities of the positive class, each in [0, 1].
 * @throws RangeError when a probability is not a number in [0, 1].
 * @example expectedRocAuc([0.9, 0.1]) // 0.9
 */
export function expectedRocAuc(probabilities: ArrayLike<number>): number {
  return aucOfDescendingGroups(probabilityGroups(probabilities));
}

/**
 * DeLong standard error of the realised AUC a window with these calibrated probabilities would have
 * (expected positives Σp and negatives Σ(1 − p) per tie group as weights); NaN when either is ≤ 1.
 * @throws RangeError when a probability is not a number in [0, 1].
 */
export function expectedRocAucStandardError(probabilities: ArrayLike<number>): number {
  return standardErrorOfDescendingGroups(probabilityGroups(probabilities));
}

/** Tie groups of the probabilities, highest first. */
function probabilityGroups(probabilities: ArrayLike<number>): ProbabilityGroup[] {
  const sorted = Array.from(probabilities, (p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new RangeError(`probabilities[${i}] must be a number in [0, 1], got ${String(p)}`);
    return p;
  }).sort((a, b) => b - a);
  const groups: ProbabilityGroup[] = [];
  let i = 0;
  while (i < sorted.length) {
    const value = sorted[i] as number;
    let count = 0;
    while (i < sorted.length && sorted[i] === value) {
      count++;
      i++;
    }
    groups.push({ positive: count * value, negative: count * (1 - value) });
  }
  return groups;
}

/** Expected ROC AUC read from a probability histogram, with the bound on its binning error. */
export interface BinnedExpectedRocAuc {
  /** AUC with each bin treated as one tie group; never above the exact value. */
  readonly rocAuc: number;
  /** exact − binned lies in [0, errorBound]. */
  readonly errorBound: number;
  /** DeLong standard error with the bins' expected positives and negatives as weights. */
  readonly standardError: number;
}

/**
 * Expected ROC AUC from equal-width bins of calibrated probabilities on [0, 1]: `counts[b]` rows
 * whose probabilities sum to `probabilitySums[b]`. Each bin acts as one tie group, so the curve's
 * vertices at bin edges are exact and only the ordering inside a bin is lost. For two rows of one
 * bin with p_i > p_j the exact pair weight is p_i(1 − p_j), the tied one its mean with p_j(1 − p_i),
 * a loss of (p_i − p_j)/2 ≤ w/2 (w = bin width), hence
 * 0 ≤ exact − binned ≤ min(Σ_b C(n_b, 2)·w/2, Σ_b P_b·N_b/2) / (P·N).
 *
 * @internal used by `CbpeAccumulator`; inputs are trusted.
 */
export function expectedRocAucFromBins(counts: ArrayLike<number>, probabilitySums: ArrayLike<number>): BinnedExpectedRocAuc {
  const binCount = counts.length;
  const width = 1 / binCount;
  const groups: ProbabilityGroup[] = [];
  let orderingLoss = 0;
  let tieMass = 0;
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let b = binCount - 1; b >= 0; b--) {
    const n = counts[b] as number;
    if (n === 0) continue;
    const positive = probabilitySums[b] as number;
    const negative = n - positive;
    groups.push({ positive, negative });
    orderingLoss += ((n * (n - 1)) / 2) * (width / 2);
    tieMass += (positive * negative) / 2;
    positiveTotal += positive;
    negativeTotal += negative;
  }
  const rocAuc = aucOfDescendingGroups(groups);
  const errorBound = Number.isNaN(rocAuc) ? Number.NaN : Math.min(orderingLoss, tieMass) / (positiveTotal * negativeTotal);
  return { rocAuc, errorBound, standardError: standardErrorOfDescendingGroups(groups) };
}
