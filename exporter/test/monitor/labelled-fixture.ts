/**
 * Labelled synthetic data for the delayed-label tests: a binary classifier whose score is
 * calibrated by construction (y ~ Bernoulli(score)), a regression model, and profiles built from
 * them with target, prediction and score, so the profile carries baseline metrics and a CBPE calibration.
 */
import { buildProfile } from '../../src/profile/build-profile.js';
import type { ReferenceProfile } from '../../src/profile/schema.js';
import { mulberry32 } from '../support/synthetic.js';

export interface BinaryRows {
  x: number[];
  score: number[];
  prediction: number[];
  truth: number[];
  group: string[];
}

/**
 * `n` rows: score ~ Beta-like (a uniform squashed towards `skew`), truth ~ Bernoulli(score) so the
 * score is calibrated, prediction = score ≥ 0.5, group 'a'/'b' (group b's scores are shifted down by `groupGap`).
 */
export function binaryRows(n: number, seed: number, options: { skew?: number; groupGap?: number } = {}): BinaryRows {
  const next = mulberry32(seed);
  const rows: BinaryRows = { x: [], score: [], prediction: [], truth: [], group: [] };
  for (let i = 0; i < n; i++) {
    const group = next() < 0.5 ? 'a' : 'b';
    const u = next();
    const skew = options.skew ?? 1;
    let score = u ** skew;
    if (group === 'b') score = Math.max(0, score - (options.groupGap ?? 0));
    score = Math.round(score * 1000) / 1000;
    rows.x.push(score * 4 - 2 + next());
    rows.score.push(score);
    rows.prediction.push(score >= 0.5 ? 1 : 0);
    rows.truth.push(next() < score ? 1 : 0);
    rows.group.push(group);
  }
  return rows;
}

/** A binary profile (feature x, target y, prediction p, score s) with baseline metrics and calibration. */
export function binaryProfile(rows: BinaryRows = binaryRows(4000, 11)): ReferenceProfile {
  return buildProfile({ x: rows.x, y: rows.truth, p: rows.prediction, s: rows.score }, { target: 'y', prediction: 'p', score: 's', createdAt: '2026-11-26T00:00:00Z' });
}

export interface RegressionRows {
  x: number[];
  truth: number[];
  prediction: number[];
}

/** `n` rows: truth = 3x + 10 + noise, prediction = 3x + 10 (+ `bias`). */
export function regressionRows(n: number, seed: number, bias = 0): RegressionRows {
  const next = mulberry32(seed);
  const rows: RegressionRows = { x: [], truth: [], prediction: [] };
  for (let i = 0; i < n; i++) {
    const x = next() * 10;
    rows.x.push(x);
    rows.prediction.push(3 * x + 10 + bias);
    rows.truth.push(3 * x + 10 + (next() - 0.5) * 4);
  }
  return rows;
}

export function regressionProfile(rows: RegressionRows = regressionRows(2000, 5)): ReferenceProfile {
  return buildProfile({ x: rows.x, y: rows.truth, p: rows.prediction }, { target: 'y', prediction: 'p', createdAt: '2026-11-26T00:00:00Z' });
}
