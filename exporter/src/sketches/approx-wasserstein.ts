import { assertComparable } from './approx-ks-statistic.js';
import type { QuantileSketch } from './quantile-sketch.js';
import { sketchAtoms, type SketchAtoms } from './sketch-cells.js';
import type { SketchEstimate } from './types.js';

/**
 * First Wasserstein distance W₁ = ∫ |F_a(t) - F_b(t)| dt (`scipy.stats.wasserstein_distance(a, b)`)
 * estimated from two quantile sketches, with a guaranteed error bound.
 *
 * Each sketch is read as a discrete distribution whose atoms are its buckets' representatives
 * (clamped into [min, max]); W₁ between those is computed exactly. Moving every value x to its
 * representative moves it by at most α·|x - c| (DDSketch's guarantee, c the sketches' center), so by
 * the triangle inequality
 *   |W₁ - value| ≤ maxError = α·(mean|a - c| + mean|b - c|) (bucket upper ends in place of |x - c|),
 * plus, for a collapsed lowest bucket, its upper end times its mass.
 *
 * @throws RangeError when a sketch is empty or the sketches' relativeAccuracy/binLimit/center differ
 */
export function approxWassersteinWithBound(a: QuantileSketch, b: QuantileSketch): SketchEstimate {
  assertComparable(a, b);
  const atomsA = sketchAtoms(a);
  const atomsB = sketchAtoms(b);
  return { value: discreteWasserstein(atomsA, a.count, atomsB, b.count), maxError: meanDisplacement(atomsA, a.count) + meanDisplacement(atomsB, b.count) };
}

/**
 * W₁ estimated from two quantile sketches: within `approxWassersteinWithBound(a, b).maxError`
 * (≤ α·(mean|a - c| + mean|b - c|)) of `scipy.stats.wasserstein_distance(a, b)`.
 *
 * @throws RangeError when a sketch is empty or the sketches' relativeAccuracy/binLimit/center differ
 */
export function approxWasserstein(a: QuantileSketch, b: QuantileSketch): number {
  return approxWassersteinWithBound(a, b).value;
}

function discreteWasserstein(a: SketchAtoms, sizeA: number, b: SketchAtoms, sizeB: number): number {
  let i = 0;
  let j = 0;
  let cumulativeA = 0;
  let cumulativeB = 0;
  let previous = Math.min(a.values[0] as number, b.values[0] as number);
  let distance = 0;
  while (i < a.values.length || j < b.values.length) {
    const nextA = i < a.values.length ? (a.values[i] as number) : Infinity;
    const nextB = j < b.values.length ? (b.values[j] as number) : Infinity;
    const position = Math.min(nextA, nextB);
    distance += Math.abs(cumulativeA / sizeA - cumulativeB / sizeB) * (position - previous);
    while (i < a.values.length && a.values[i] === position) cumulativeA += a.weights[i++] as number;
    while (j < b.values.length && b.values[j] === position) cumulativeB += b.weights[j++] as number;
    previous = position;
  }
  return distance;
}

function meanDisplacement(atoms: SketchAtoms, size: number): number {
  let sum = 0;
  for (let i = 0; i < atoms.weights.length; i++) sum += (atoms.weights[i] as number) * (atoms.maxDisplacement[i] as number);
  return sum / size;
}
