import { kolmogorovLimitSf } from './distributions/kolmogorov-limit-sf.js';
import { kolmogorovSmirnovSf } from './distributions/kolmogorov-smirnov-sf.js';
import { ksTwoSampleExactSf, type KsAlternative } from './distributions/ks-two-sample-exact.js';
import { gcd } from './numeric/gcd.js';
import { assertOneOf, assertSample, sortedCopy } from './numeric/assert-sample.js';
import { roundHalfEven } from './numeric/round-half-even.js';

export type { KsAlternative } from './distributions/ks-two-sample-exact.js';

/** How the p-value is computed: SciPy's `method` argument of `ks_2samp`. */
export type KsMethod = 'auto' | 'exact' | 'asymp';

/** Options of {@link ksTwoSample}; defaults match `scipy.stats.ks_2samp`. */
export interface KsTwoSampleOptions {
  /** Default 'two-sided'. */
  alternative?: KsAlternative;
  /** Default 'auto': exact when max(n_x, n_y) ≤ 10 000, else asymptotic. */
  method?: KsMethod;
}

/** Result of {@link ksTwoSample}. */
export interface KsTwoSampleResult {
  /** D (two-sided), D⁺ = max(F_x - F_y) ('greater') or D⁻ = max(F_y - F_x) ('less'); lattice-rounded when exact. */
  statistic: number;
  pValue: number;
  /** The method actually used ('exact' can fall back to 'asymp', see `fellBack`). */
  method: 'exact' | 'asymp';
  /** True when the exact computation was requested or chosen but could not be done. */
  fellBack: boolean;
  alternative: KsAlternative;
  sizeX: number;
  sizeY: number;
  /** n_x·n_y/(n_x+n_y), the effective sample size. */
  effectiveN: number;
  /** round-half-even(effectiveN): the n of `kstwo.sf` (two-sided asymptotic p-value only). */
  kstwoN: number | undefined;
  /** Q_KS(√effectiveN · D), the classical Kolmogorov limit p-value (two-sided only). */
  pValueKolmogorovLimit: number | undefined;
}

const MAX_AUTO_EXACT_N = 10_000;
const INT32_MAX = 2_147_483_647;

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup_t |F_x(t) - F_y(t)| with right-continuous empirical
 * CDFs (ties counted on both sides), and its p-value.
 *
 * Matches `scipy.stats.ks_2samp(x, y, alternative, method)` of SciPy 1.10:
 * - 'exact': the exact null distribution for continuous data (no tie correction — ties make it
 *   conservative), D first rounded to the lattice h/lcm(n_x, n_y);
 * - 'asymp', two-sided: `kstwo.sf(D, round(n_x·n_y/(n_x+n_y)))` — the EXACT one-sample KS law at
 *   the effective n (round half to even), not the Kolmogorov limit; one-sided: Hodges' eq. 5.3;
 * - 'auto': exact when max(n_x, n_y) ≤ 10 000, else asymp. An exact computation that fails
 *   (overflow, result outside [0, 1]; explicit 'exact' with lcm ≥ 2³¹) falls back to asymp
 *   (`fellBack: true`), as SciPy does with a RuntimeWarning. Two-sided asymp with n_x = n_y = 1
 *   has an effective n of round(0.5) = 0 and gives NaN, as SciPy does.
 * The classical limit Q_KS(√n_e·D) (`kstwobign.sf`) is returned as `pValueKolmogorovLimit`.
 *
 * @throws TypeError when a sample is not an array of numbers or contains NaN
 * @throws RangeError when a sample is empty or an option is unknown
 * @example
 * ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8]).pValue // 0.028571428571428577 (= 2/C(8,4); D = 1)
 */
export function ksTwoSample(x: ArrayLike<number>, y: ArrayLike<number>, options: KsTwoSampleOptions = {}): KsTwoSampleResult {
  assertSample('x', x);
  assertSample('y', y);
  const alternative = options.alternative ?? 'two-sided';
  const requested = options.method ?? 'auto';
  assertOneOf('options.alternative', alternative, ['two-sided', 'less', 'greater'] as const);
  assertOneOf('options.method', requested, ['auto', 'exact', 'asymp'] as const);

  const sortedX = sortedCopy(x);
  const sortedY = sortedCopy(y);
  const n1 = sortedX.length;
  const n2 = sortedY.length;
  const { maxPlus, maxMinus } = ecdfExtremes(sortedX, sortedY);
  let d = alternative === 'less' || (alternative === 'two-sided' && maxMinus > maxPlus) ? maxMinus : maxPlus;

  const g = gcd(n1, n2);
  let method: 'exact' | 'asymp';
  let fellBack = false;
  if (requested === 'auto') {
    method = Math.max(n1, n2) <= MAX_AUTO_EXACT_N ? 'exact' : 'asymp';
  } else if (requested === 'exact' && n1 / g >= INT32_MAX / (n2 / g)) {
    method = 'asymp';
    fellBack = true;
  } else {
    method = requested;
  }

  let pValue = Number.NaN;
  if (method === 'exact') {
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    const exact = h === 0 ? 1 : ksTwoSampleExactSf(n1, n2, h, alternative);
    if (exact === undefined) {
      method = 'asymp';
      fellBack = true;
    } else {
      pValue = exact;
    }
  }

  const large = Math.max(n1, n2);
  const small = Math.min(n1, n2);
  const effectiveN = (large * small) / (large + small);
  let kstwoN: number | undefined;
  if (method === 'asymp') {
    if (alternative === 'two-sided') {
      kstwoN = roundHalfEven(effectiveN);
      // kstwo is undefined at n = 0 (n_x = n_y = 1 rounds 0.5 down): NaN, as SciPy returns.
      pValue = kstwoN === 0 ? Number.NaN : kolmogorovSmirnovSf(kstwoN, d);
    } else {
      pValue = hodgesOneSidedSf(d, large, small, effectiveN);
    }
  }
  const pValueKolmogorovLimit = alternative === 'two-sided' ? kolmogorovLimitPValue(d, n1, n2) : undefined;
  return {
    statistic: d,
    pValue: clip01(pValue),
    method,
    fellBack,
    alternative,
    sizeX: n1,
    sizeY: n2,
    effectiveN,
    kstwoN,
    pValueKolmogorovLimit,
  };
}

/**
 * The classical asymptotic two-sample KS p-value Q_KS(√(n_x·n_y/(n_x+n_y)) · D), i.e.
 * `scipy.stats.kstwobign.sf(sqrt(en) * D)` — no small-sample correction, so it overstates p for
 * small samples. Prefer {@link ksTwoSample}'s `pValue`; this is for comparison with tools that use it.
 *
 * @throws RangeError when D is outside [0, 1] or a size is not a positive integer
 * @example kolmogorovLimitPValue(0.1366666666666666, 300, 300) // 0.007371115680935215
 */
export function kolmogorovLimitPValue(d: number, sizeX: number, sizeY: number): number {
  if (!(d >= 0 && d <= 1)) throw new RangeError(`d must be in [0, 1], got ${d}`);
  for (const [name, value] of [['sizeX', sizeX], ['sizeY', sizeY]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const large = Math.max(sizeX, sizeY);
  const small = Math.min(sizeX, sizeY);
  const effectiveN = (large * small) / (large + small);
  return kolmogorovLimitSf(Math.sqrt(effectiveN) * d);
}

/** Largest F_x - F_y (clipped at 0) and largest F_y - F_x over the pooled sample, as SciPy computes them. */
function ecdfExtremes(sortedX: Float64Array, sortedY: Float64Array): { maxPlus: number; maxMinus: number } {
  const n1 = sortedX.length;
  const n2 = sortedY.length;
  let i = 0;
  let j = 0;
  let maxPlus = -Infinity;
  let minDiff = Infinity;
  while (i < n1 || j < n2) {
    const next = j >= n2 || (i < n1 && (sortedX[i] as number) <= (sortedY[j] as number)) ? (sortedX[i] as number) : (sortedY[j] as number);
    while (i < n1 && (sortedX[i] as number) <= next) i++;
    while (j < n2 && (sortedY[j] as number) <= next) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxPlus) maxPlus = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const maxMinus = Math.min(Math.max(-minDiff, 0), 1);
  return { maxPlus, maxMinus };
}

/** Hodges (1958) eq. 5.3 one-sided approximation; `large` must be the larger sample size. */
function hodgesOneSidedSf(d: number, large: number, small: number, effectiveN: number): number {
  const z = Math.sqrt(effectiveN) * d;
  const exponent = -2 * z ** 2 - (2 * z * (large + 2 * small)) / Math.sqrt(large * small * (large + small)) / 3;
  return Math.exp(exponent);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
