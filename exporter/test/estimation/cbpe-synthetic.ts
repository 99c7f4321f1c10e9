import { createRandom, normalSample } from '../support/synthetic.js';

/** Logistic function. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** True P(y = 1 | x) of the synthetic world. */
export const trueProbability = (x: number): number => sigmoid(1.5 * x - 0.3);

/** A miscalibrated model: same ranking as the truth, but over-confident and biased upwards. */
export const miscalibratedScore = (x: number): number => sigmoid(2.4 * x + 0.2);

export interface LabelledWindow {
  readonly scores: number[];
  readonly labels: number[];
}

/**
 * Draws `size` rows with x ~ N(mean, std), labels from `probability(x)` and scores from `score(x)`.
 * Deterministic in `seed`.
 */
export function drawWindow(
  size: number,
  mean: number,
  std: number,
  seed: number,
  score: (x: number) => number = miscalibratedScore,
  probability: (x: number) => number = trueProbability,
): LabelledWindow {
  const xs = normalSample(size, mean, std, seed);
  const uniform = createRandom(seed * 7919 + 13);
  return {
    scores: xs.map(score),
    labels: xs.map((x) => (uniform() < probability(x) ? 1 : 0)),
  };
}
