/**
 * What the drift evaluator needs to know about one feature, on both sides.
 *
 * Bin counts (numeric features on the reference-aligned bins, categorical features per category
 * with a last "other" entry) are always there: the monitor's window accumulators and the profile
 * hold exactly these, and they merge across replicas. Raw samples are optional: batch checks (the
 * CLI) have them, and the rank tests (KS, Anderson-Darling, Cramér-von Mises) are then exact.
 */
export type FeatureDriftData = NumericDriftData | CategoricalDriftData;

/** A numeric feature: counts on the reference's interior bin edges (numpy searchsorted side='right'). */
export interface NumericDriftData {
  kind: 'numeric';
  /** Interior edges: B - 1 strictly increasing numbers for B bins. */
  binEdges: ArrayLike<number>;
  referenceCounts: ArrayLike<number>;
  currentCounts: ArrayLike<number>;
  /** Population standard deviation (ddof = 0) of the reference, for normalised Wasserstein. */
  referenceStd?: number;
  referenceSample?: ArrayLike<number>;
  currentSample?: ArrayLike<number>;
}

/** A categorical or boolean feature: counts per category, aligned on both sides. */
export interface CategoricalDriftData {
  kind: 'categorical' | 'boolean';
  /** Category labels, aligned with the counts (e.g. the reference's top categories and "__other__"). */
  categories: readonly string[];
  referenceCounts: ArrayLike<number>;
  currentCounts: ArrayLike<number>;
}

/** The sum of a count vector. */
export function totalCount(counts: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i] as number;
  return sum;
}
