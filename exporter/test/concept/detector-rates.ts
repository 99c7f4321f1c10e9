/**
 * Measures concept-drift detectors on synthetic streams: false alarms on a stationary stream and
 * the delay until a change is detected. Used by `detector-defaults.test.ts` and printed as the
 * table in docs/concept-drift.md by `print-detector-rates.ts`.
 */
import { createDetector, type DriftDetectorName } from '../../src/concept/create-detector.js';
import { mulberry32 } from '../support/synthetic.js';

/** A seeded stream: value i of a run. */
export type StreamSource = (seed: number) => () => number;

/** Bernoulli(p) draws (the 0/1 error stream of a classifier with error rate p). */
export function bernoulliStream(p: number): StreamSource {
  return (seed) => {
    const uniform = mulberry32(seed);
    return () => (uniform() < p ? 1 : 0);
  };
}

/** Standard normal draws (Box-Muller). */
function normal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Gamma(shape, 1) draws (Marsaglia–Tsang; shape < 1 by the U^(1/shape) boost). */
function gamma(shape: number, uniform: () => number): number {
  if (shape < 1) return gamma(shape + 1, uniform) * (1 - uniform()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(uniform);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Beta(a, b) draws, e.g. the scores of a classifier. */
export function betaStream(a: number, b: number): StreamSource {
  return (seed) => {
    const uniform = mulberry32(seed);
    return () => {
      const x = gamma(a, uniform);
      return x / (x + gamma(b, uniform));
    };
  };
}

/** Detections of a fresh detector over `length` values of `source(seed)`. */
export function countFalseAlarms(name: DriftDetectorName, options: object, source: StreamSource, seed: number, length: number): number {
  const detector = createDetector(name, options as never);
  const next = source(seed);
  let detections = 0;
  for (let i = 0; i < length; i++) if (detector.update(next()).driftDetected) detections++;
  return detections;
}

/**
 * Values after the change until the first detection: `before` values of `from`, then up to `limit`
 * values of `to`; null when the change is not detected within `limit`. Detections before the change
 * are false alarms and do not count.
 */
export function detectionDelay(name: DriftDetectorName, options: object, from: StreamSource, to: StreamSource, seed: number, before: number, limit: number): number | null {
  const detector = createDetector(name, options as never);
  const first = from(seed);
  for (let i = 0; i < before; i++) detector.update(first());
  const second = to(seed + 7919);
  for (let i = 0; i < limit; i++) if (detector.update(second()).driftDetected) return i + 1;
  return null;
}
