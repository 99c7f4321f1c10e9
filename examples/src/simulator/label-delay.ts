/**
 * Delayed ground truth: how long after a prediction its label arrives, and which share never does.
 */
import { normalFromUniforms } from './sampling.js';

/** Distribution of the delay from prediction to label, in ms. */
export type DelayDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'exponential'; meanMs: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'lognormal'; medianMs: number; sigma: number };

/** When labels arrive: a delay distribution (default: at once) and the share never labelled (default 0). */
export interface LabelOptions {
  delay?: DelayDistribution;
  /** Share of predictions whose label never arrives (chargebacks nobody files), in [0, 1]. */
  neverShare?: number;
}

/**
 * One delay in whole ms from two uniforms in (0, 1).
 *
 * @example sampleDelay({ kind: 'exponential', meanMs: 60_000 }, 0.5, 0.5) // 41589 (the median, mean · ln 2)
 */
export function sampleDelay(distribution: DelayDistribution, u1: number, u2: number): number {
  switch (distribution.kind) {
    case 'fixed':
      return Math.round(distribution.ms);
    case 'exponential':
      return Math.round(-distribution.meanMs * Math.log(1 - u1));
    case 'uniform':
      return Math.round(distribution.minMs + u1 * (distribution.maxMs - distribution.minMs));
    case 'lognormal':
      return Math.round(distribution.medianMs * Math.exp(distribution.sigma * normalFromUniforms(u1, u2)));
  }
}

/** Mean of the delay distribution in ms (what a test compares the sample mean with). */
export function meanDelay(distribution: DelayDistribution): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.ms;
    case 'exponential':
      return distribution.meanMs;
    case 'uniform':
      return (distribution.minMs + distribution.maxMs) / 2;
    case 'lognormal':
      return distribution.medianMs * Math.exp((distribution.sigma * distribution.sigma) / 2);
  }
}
