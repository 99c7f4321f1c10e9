import type { DenseLogStore } from './dense-log-store.js';
import type { QuantileSketch } from './quantile-sketch.js';

/**
 * The common partition of two sketches with the same key mapping, in increasing value order:
 * negative buckets (largest magnitude first), the zero cell, positive buckets. Each bucket is a
 * half-open interval fixed by the mapping, so both sketches' empirical CDFs are known EXACTLY at
 * every cell's upper end. Buckets below a collapsed store's lowest key form one joint cell.
 * Returns the masses (counts) of each cell in `a` and in `b`, and the index of the zero cell.
 *
 * @internal
 */
export function jointCellMasses(a: QuantileSketch, b: QuantileSketch): { massA: Float64Array; massB: Float64Array; zeroCell: number } {
  const massA: number[] = [];
  const massB: number[] = [];
  const negative = jointKeyRange(a.negative, b.negative);
  if (negative !== undefined) {
    for (let key = negative.high; key >= Math.max(negative.low, negative.jointLow + 1); key--) pushCell(massA, massB, a.negative.countAt(key), b.negative.countAt(key));
    if (negative.jointLow >= negative.low) {
      pushCell(massA, massB, sumAtOrBelow(a.negative, negative.jointLow), sumAtOrBelow(b.negative, negative.jointLow));
    }
  }
  const zeroCell = massA.length;
  massA.push(a.zeroCount);
  massB.push(b.zeroCount);
  const positive = jointKeyRange(a.positive, b.positive);
  if (positive !== undefined) {
    if (positive.jointLow >= positive.low) {
      pushCell(massA, massB, sumAtOrBelow(a.positive, positive.jointLow), sumAtOrBelow(b.positive, positive.jointLow));
    }
    for (let key = Math.max(positive.low, positive.jointLow + 1); key <= positive.high; key++) {
      pushCell(massA, massB, a.positive.countAt(key), b.positive.countAt(key));
    }
  }
  return { massA: Float64Array.from(massA), massB: Float64Array.from(massB), zeroCell };
}

/** Atoms of a sketch in increasing value order, with the largest distance of a counted value from its atom. @internal */
export interface SketchAtoms {
  values: Float64Array;
  weights: Float64Array;
  maxDisplacement: Float64Array;
}

/**
 * The sketch as a weighted discrete distribution: each bucket's representative (clamped into
 * [min, max]) carrying the bucket's count. A value x of a bucket lies within α·|x - c| ≤ α·u of the
 * representative (u the bucket's upper magnitude); a collapsed lowest bucket only within u.
 *
 * @internal
 */
export function sketchAtoms(sketch: QuantileSketch): SketchAtoms {
  const values: number[] = [];
  const weights: number[] = [];
  const displacement: number[] = [];
  const { mapping } = sketch;
  const alpha = mapping.relativeAccuracy;
  const upperPerValue = (1 + mapping.gamma) / 2;
  const min = sketch.min;
  const max = sketch.max;
  const center = sketch.center;
  const clamp = (x: number): number => Math.min(max, Math.max(min, x));
  const pushStore = (store: DenseLogStore, sign: 1 | -1): void => {
    if (store.count === 0) return;
    const first = sign === 1 ? store.minKey : store.maxKey;
    const step = sign;
    for (let key = first; key >= store.minKey && key <= store.maxKey; key += step) {
      const weight = store.countAt(key);
      if (weight === 0) continue;
      const representative = mapping.value(key);
      const upper = representative * upperPerValue;
      values.push(clamp(sign * representative + center));
      weights.push(weight);
      displacement.push(store.collapsed && key === store.minKey ? upper : alpha * upper);
    }
  };
  pushStore(sketch.negative, -1);
  if (sketch.zeroCount > 0) {
    values.push(clamp(center));
    weights.push(sketch.zeroCount);
    displacement.push(mapping.minPossible);
  }
  pushStore(sketch.positive, 1);
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), maxDisplacement: Float64Array.from(displacement) };
}

interface JointKeyRange {
  low: number;
  high: number;
  /** Keys ≤ jointLow form one cell (−Infinity when neither store collapsed). */
  jointLow: number;
}

function jointKeyRange(a: DenseLogStore, b: DenseLogStore): JointKeyRange | undefined {
  if (a.count === 0 && b.count === 0) return undefined;
  const low = Math.min(a.count > 0 ? a.minKey : Infinity, b.count > 0 ? b.minKey : Infinity);
  const high = Math.max(a.count > 0 ? a.maxKey : -Infinity, b.count > 0 ? b.maxKey : -Infinity);
  const jointLow = Math.max(a.count > 0 && a.collapsed ? a.minKey : -Infinity, b.count > 0 && b.collapsed ? b.minKey : -Infinity);
  return { low, high, jointLow };
}

function sumAtOrBelow(store: DenseLogStore, key: number): number {
  if (store.count === 0) return 0;
  let sum = 0;
  for (let k = store.minKey; k <= Math.min(key, store.maxKey); k++) sum += store.countAt(k);
  return sum;
}

function pushCell(massA: number[], massB: number[], countA: number, countB: number): void {
  if (countA === 0 && countB === 0) return;
  massA.push(countA);
  massB.push(countB);
}
