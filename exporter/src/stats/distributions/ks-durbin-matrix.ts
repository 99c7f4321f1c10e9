import { scaleByPowerOfTwo } from '../numeric/scale-by-power-of-two.js';

const E128 = 128;
const P128 = 2 ** 128;
const M128 = 2 ** -128;

/**
 * P(D_n ≤ d) for the two-sided one-sample Kolmogorov–Smirnov statistic by Durbin's matrix
 * method in the form of Marsaglia, Tsang & Wang (2003): the k-th diagonal entry of
 * (n!/nⁿ)·Hⁿ with H of size 2k-1, k = ⌈nd⌉, squaring with power-of-two rescaling.
 * Exact up to rounding; cost O(k³ log n). Mirrors SciPy 1.10 `_kolmogn_DMTW`.
 *
 * @internal
 * @example durbinMatrixCdf(10, 0.274) // 0.62847961545650… (1 - scipy kstwo.sf(0.274, 10))
 */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - Math.pow(h, j)) * factorial;
  }
  const correction = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + correction) * factorial;

  let power: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) power[r * m + i] = w[r - (i - 1)] as number;
  }
  for (let r = 0; r < m; r++) power[r * m] = v[r] as number;
  for (let c = 0; c < m; c++) power[(m - 1) * m + c] = v[m - 1 - c] as number;

  let result: Float64Array = identity(m);
  let remaining = n;
  let resultExponent = 0;
  let powerExponent = 0;
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      result = multiply(result, power, m);
      resultExponent += powerExponent;
    }
    power = multiply(power, power, m);
    powerExponent *= 2;
    if (Math.abs(power[(k - 1) * m + (k - 1)] as number) > P128) {
      for (let i = 0; i < power.length; i++) power[i] = (power[i] as number) / P128;
      powerExponent += E128;
    }
    remaining = Math.floor(remaining / 2);
  }

  let p = result[(k - 1) * m + (k - 1)] as number;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < M128) {
      p *= P128;
      resultExponent -= E128;
    }
  }
  return scaleByPowerOfTwo(p, resultExponent);
}

function identity(m: number): Float64Array {
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  return matrix;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l] as number;
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] as number) + ail * (b[l * m + j] as number);
    }
  }
  return out;
}
