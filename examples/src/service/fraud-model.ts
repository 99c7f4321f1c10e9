/**
 * The fraud classifier the example service serves: a logistic regression over standardised numeric
 * terms and one-hot categories, whose weights live in `model.json` (fitted by `npm run fit-model`).
 */
import { readFileSync } from 'node:fs';

/** How a numeric input becomes a term before standardisation. */
export type NumericTransform = 'identity' | 'log1p';

export interface NumericWeight {
  name: string;
  transform: NumericTransform;
  /** Mean and standard deviation of the transformed value on the training data; a missing value scores as the mean. */
  mean: number;
  std: number;
  weight: number;
}

export interface CategoricalWeight {
  name: string;
  /** Weight per known category; an unknown or missing category adds 0. */
  weights: Record<string, number>;
}

/** The content of `model.json`. */
export interface FraudModel {
  name: string;
  version: string;
  intercept: number;
  /** Score at or above which the prediction is 1 (fraud). */
  threshold: number;
  numeric: NumericWeight[];
  categorical: CategoricalWeight[];
  /** How it was fitted (reproducible with the same simulator seed). */
  training: { seed: number; rows: number; l2: number };
}

/** A transaction as the service receives it: numbers (or null when unknown) and category strings (or null). */
export type ModelInput = Readonly<Record<string, number | string | null | undefined>>;

function transform(kind: NumericTransform, value: number): number {
  return kind === 'log1p' ? Math.log1p(Math.max(value, 0)) : value;
}

/** The standardised numeric terms then the one-hot categories, in the order of the model's weights. */
export function encodeFeatures(model: Pick<FraudModel, 'numeric' | 'categorical'>, input: ModelInput): number[] {
  const terms: number[] = [];
  for (const feature of model.numeric) {
    const value = input[feature.name];
    terms.push(typeof value === 'number' && Number.isFinite(value) ? (transform(feature.transform, value) - feature.mean) / feature.std : 0);
  }
  for (const feature of model.categorical) {
    const value = input[feature.name];
    for (const category of Object.keys(feature.weights)) terms.push(value === category ? 1 : 0);
  }
  return terms;
}

/** The fraud probability σ(intercept + w · x). */
export function fraudScore(model: FraudModel, input: ModelInput): number {
  let logit = model.intercept;
  for (const feature of model.numeric) {
    const value = input[feature.name];
    if (typeof value === 'number' && Number.isFinite(value)) logit += (feature.weight * (transform(feature.transform, value) - feature.mean)) / feature.std;
  }
  for (const feature of model.categorical) {
    const value = input[feature.name];
    if (typeof value === 'string') logit += feature.weights[value] ?? 0;
  }
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Scores one transaction.
 *
 * @example predict(model, { amount: 1200, channel: 'web', ... }) // { score: 0.61, prediction: 1 }
 */
export function predict(model: FraudModel, input: ModelInput): { score: number; prediction: 0 | 1 } {
  const score = fraudScore(model, input);
  return { score, prediction: score >= model.threshold ? 1 : 0 };
}

/** The committed model (`src/service/model.json`). */
export const MODEL_PATH = new URL('./model.json', import.meta.url);

/** Reads a model file; throws naming the file when it is not a model. */
export function loadFraudModel(path: URL | string = MODEL_PATH): FraudModel {
  const model = JSON.parse(readFileSync(path, 'utf8')) as FraudModel;
  if (typeof model?.intercept !== 'number' || !Array.isArray(model.numeric) || !Array.isArray(model.categorical)) {
    throw new TypeError(`${String(path)} is not a fraud model (expected intercept, numeric[], categorical[])`);
  }
  return model;
}
