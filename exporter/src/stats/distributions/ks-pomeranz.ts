import { scaleByPowerOfTwo } from '../numeric/scale-by-power-of-two.js';

const E128 = 128;
const P128 = 2 ** 128;
const M128 = 2 ** -128;

/**
 * P(D_n ≤ x) for the two-sided one-sample Kolmogorov–Smirnov statistic by Pomeranz's recursion
 * (Pomeranz 1974, as organised by Simard & L'Ecuyer 2011): 2n+1 convolutions of a short row with
 * truncated Poisson weights, rescaled by powers of two. Exact up to rounding.
 * Mirrors SciPy 1.10 `_kolmogn_Pomeranz`.
 *
 * @internal
 */
export function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const powers = 2 * (ll + 1);
  const gPower = new Float64Array(powers);
  const twoGPower = new Float64Array(powers);
  const oneMinusTwoGPower = new Float64Array(powers);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < powers; m++) {
    gPower[m] = ((gPower[m - 1] as number) * gOverN) / m;
    twoGPower[m] = ((twoGPower[m - 1] as number) * twoGOverN) / m;
    oneMinusTwoGPower[m] = ((oneMinusTwoGPower[m - 1] as number) * oneMinusTwoGOverN) / m;
  }

  let previous = new Float64Array(powers);
  let current = new Float64Array(powers);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1, j2] = rowBounds(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilF, roundF);
    const weights = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const span = j2 - k1 + 1;
    if (span > 0) {
      const offset = k1 - previousStart;
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      const rowLength = Math.min(span, powers - offset);
      const weightLength = Math.min(span, powers);
      let max = 0;
      for (let c = 0; c < convLength; c++) {
        const index = convStart + c; // index into the full convolution of the two length-`span` vectors
        let total = 0;
        const low = Math.max(0, index - (weightLength - 1));
        const high = Math.min(index, rowLength - 1);
        for (let a = low; a <= high; a++) total += (previous[offset + a] as number) * (weights[index - a] as number);
        current[c] = total;
        if (total > max) max = total;
      }
      if (max > 0 && max < M128) {
        for (let c = 0; c < convLength; c++) current[c] = (current[c] as number) * P128;
        exponent -= E128;
      }
      currentStart = previousStart + j1 - k1;
    }
  }

  let answer = current[n - currentStart] as number;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > P128) {
      answer *= M128;
      exponent += E128;
    }
    answer *= m;
  }
  return scaleByPowerOfTwo(answer, exponent);
}

function rowBounds(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
