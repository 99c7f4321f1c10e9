import type { DriftDetector } from '../../src/concept/types.js';

/** Feeds `stream` and returns the 0-based indices where drift / warning were flagged (the vectors' protocol). */
export function runStream(detector: DriftDetector, stream: readonly number[]): { drifts: number[]; warnings: number[] } {
  const drifts: number[] = [];
  const warnings: number[] = [];
  stream.forEach((x, i) => {
    detector.update(x);
    if (detector.driftDetected) drifts.push(i);
    if (detector.warningDetected) warnings.push(i);
  });
  return { drifts, warnings };
}

/** `count` copies of `value`. */
export function repeat(value: number, count: number): number[] {
  return new Array<number>(count).fill(value);
}

/** A deterministic 0/1 stream with error probability `p` (xorshift32; not numpy's). */
export function bernoulliStream(p: number, length: number, seed: number): number[] {
  let state = seed >>> 0 || 1;
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    values.push(state / 4294967296 < p ? 1 : 0);
  }
  return values;
}
