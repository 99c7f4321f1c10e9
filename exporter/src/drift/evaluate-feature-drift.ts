import { andersonDarlingKSample } from '../stats/anderson-darling.js';
import { chiSquaredGoodnessOfFit } from '../stats/chi-squared-goodness-of-fit.js';
import { cramerVonMisesTwoSample } from '../stats/cramer-von-mises.js';
import { hellingerDistance } from '../stats/hellinger.js';
import { jensenShannon } from '../stats/jensen-shannon.js';
import { klDivergence } from '../stats/kl-divergence.js';
import { ksTwoSample } from '../stats/ks-two-sample.js';
import { populationStabilityIndex } from '../stats/psi.js';
import { totalVariationDistance } from '../stats/total-variation.js';
import { twoProportionZTest } from '../stats/two-proportion-z-test.js';
import { normalizedWasserstein, wassersteinFromBinCounts } from '../stats/wasserstein.js';
import { ksFromBinCounts } from './binned-ks.js';
import { totalCount, type FeatureDriftData } from './feature-drift-data.js';
import { DRIFT_METHOD_INFO, assertDriftMethod, type DriftMethod, type ThresholdKind } from './methods.js';

/** The effect size reported beside every score, so a tiny p-value on a huge sample can be judged. */
export interface EffectSize {
  measure: 'ks_statistic' | 'cramers_v' | 'proportion_difference' | 'wasserstein_normalized' | 'score';
  value: number;
}

/** The drift verdict for one feature. */
export interface FeatureDriftResult {
  method: DriftMethod;
  /** The score the method defines: the test statistic for tests, the distance for distances. */
  score: number;
  /** The p-value for tests, null for distances. */
  pValue: number | null;
  threshold: number;
  thresholdKind: ThresholdKind;
  /** p < threshold for tests, score >= threshold for distances; false when the score is NaN. */
  drifted: boolean;
  effectSize: EffectSize;
  referenceSize: number;
  currentSize: number;
  /** True when computed from bins where the method is defined on raw samples (see docs/statistics.md). */
  approximate: boolean;
}

/** Which method and threshold to use; the threshold defaults to the method's documented default. */
export interface DriftChoice {
  method: DriftMethod;
  threshold?: number;
}

interface Computed {
  score: number;
  pValue: number | null;
  effectSize: EffectSize;
  approximate: boolean;
}

/** Epsilon for empty bins in PSI and KL (the conventional 1e-4). */
const EMPTY_BIN_EPSILON = 1e-4;

function proportions(counts: ArrayLike<number>): number[] {
  const total = totalCount(counts);
  return Array.from(counts, (count) => count / total);
}

function cramersV(statistic: number, currentSize: number, categories: number): number {
  return Math.sqrt(statistic / (currentSize * Math.max(1, categories - 1)));
}

function binnedNormalizedWasserstein(data: FeatureDriftData): number {
  if (data.kind !== 'numeric' || data.binEdges.length === 0 || data.referenceStd === undefined) return Number.NaN;
  return wassersteinFromBinCounts(data.binEdges, data.referenceCounts, data.currentCounts) / data.referenceStd;
}

function samplesOf(data: FeatureDriftData): { reference: ArrayLike<number>; current: ArrayLike<number> } | undefined {
  if (data.kind !== 'numeric' || data.referenceSample === undefined || data.currentSample === undefined) return undefined;
  return { reference: data.referenceSample, current: data.currentSample };
}

function distance(score: number): Computed {
  return { score, pValue: null, effectSize: { measure: 'score', value: score }, approximate: false };
}

function compute(method: DriftMethod, data: FeatureDriftData, currentSize: number): Computed {
  const samples = samplesOf(data);
  switch (method) {
    case 'psi':
      return distance(populationStabilityIndex(data.referenceCounts, data.currentCounts, { epsilon: EMPTY_BIN_EPSILON }).psi);
    case 'jensen_shannon':
      return distance(jensenShannon(data.referenceCounts, data.currentCounts, { base: 2 }).distance);
    case 'kl':
      return distance(klDivergence(data.referenceCounts, data.currentCounts, { epsilon: EMPTY_BIN_EPSILON }).divergence);
    case 'hellinger':
      return distance(hellingerDistance(data.referenceCounts, data.currentCounts));
    case 'total_variation':
      return distance(totalVariationDistance(data.referenceCounts, data.currentCounts));
    case 'wasserstein_normalized': {
      if (samples) return distance(normalizedWasserstein(samples.reference, samples.current).normalized);
      const score = binnedNormalizedWasserstein(data);
      if (Number.isNaN(score)) throw new RangeError('wasserstein_normalized needs raw samples, or bin edges and referenceStd');
      return { ...distance(score), approximate: true };
    }
    case 'chi_squared': {
      const test = chiSquaredGoodnessOfFit(data.currentCounts, proportions(data.referenceCounts), { zeroProportionEpsilon: EMPTY_BIN_EPSILON });
      return { score: test.statistic, pValue: test.pValue, effectSize: { measure: 'cramers_v', value: cramersV(test.statistic, currentSize, data.currentCounts.length) }, approximate: false };
    }
    case 'z_test': {
      if (data.kind === 'numeric' || data.categories.length !== 2) {
        throw new RangeError(`z_test compares two proportions: it needs a boolean or two-category feature, got ${data.kind} with ${data.referenceCounts.length} bins`);
      }
      const test = twoProportionZTest(data.currentCounts[0] as number, currentSize, data.referenceCounts[0] as number, totalCount(data.referenceCounts));
      return { score: test.z, pValue: test.pValue, effectSize: { measure: 'proportion_difference', value: test.difference }, approximate: false };
    }
    case 'ks': {
      if (samples) {
        const test = ksTwoSample(samples.reference, samples.current, { method: 'auto' });
        return { score: test.statistic, pValue: test.pValue, effectSize: { measure: 'ks_statistic', value: test.statistic }, approximate: false };
      }
      const test = ksFromBinCounts(data.referenceCounts, data.currentCounts);
      return { score: test.statistic, pValue: test.pValue, effectSize: { measure: 'ks_statistic', value: test.statistic }, approximate: true };
    }
    case 'anderson_darling':
    case 'cramer_von_mises': {
      if (!samples) throw new RangeError(`${method} needs raw samples on both sides (referenceSample and currentSample)`);
      const effect: EffectSize = { measure: 'wasserstein_normalized', value: normalizedWasserstein(samples.reference, samples.current).normalized };
      if (method === 'anderson_darling') {
        const test = andersonDarlingKSample([samples.reference, samples.current]);
        return { score: test.statistic, pValue: test.significanceLevel, effectSize: effect, approximate: false };
      }
      const test = cramerVonMisesTwoSample(samples.reference, samples.current);
      return { score: test.statistic, pValue: test.pValue, effectSize: effect, approximate: false };
    }
  }
}

/**
 * Evaluates one feature's drift with the chosen method: score, p-value where the method has one,
 * the effect size beside it, sample sizes and the verdict against the threshold.
 *
 * @example
 * evaluateFeatureDrift(
 *   { kind: 'categorical', categories: ['a', 'b'], referenceCounts: [500, 500], currentCounts: [700, 300] },
 *   { method: 'jensen_shannon' },
 * ) // { score: 0.146…, drifted: true, threshold: 0.1, … }
 */
export function evaluateFeatureDrift(data: FeatureDriftData, choice: DriftChoice): FeatureDriftResult {
  assertDriftMethod(choice.method, 'choice.method');
  const info = DRIFT_METHOD_INFO[choice.method];
  if (!info.kinds.includes(data.kind)) {
    throw new RangeError(`method ${choice.method} does not apply to a ${data.kind} feature (it applies to ${info.kinds.join(', ')})`);
  }
  if (data.referenceCounts.length !== data.currentCounts.length) {
    throw new RangeError(`referenceCounts and currentCounts must be aligned, got ${data.referenceCounts.length} and ${data.currentCounts.length} bins`);
  }
  const threshold = choice.threshold ?? info.defaultThreshold;
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`threshold must be a finite number >= 0, got ${threshold}`);
  const referenceSize = totalCount(data.referenceCounts);
  const currentSize = totalCount(data.currentCounts);
  if (!(referenceSize > 0) || !(currentSize > 0)) {
    throw new RangeError(`drift needs observations on both sides, got reference ${referenceSize} and current ${currentSize}`);
  }
  const computed = compute(choice.method, data, currentSize);
  const drifted = info.thresholdKind === 'p_value' ? (computed.pValue ?? Number.NaN) < threshold : computed.score >= threshold;
  return { method: choice.method, ...computed, threshold, thresholdKind: info.thresholdKind, drifted, referenceSize, currentSize };
}
