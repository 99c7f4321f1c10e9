/**
 * The model's reference data and profile: stationary simulator traffic scored by the committed model,
 * with the truth (`is_fraud`), the decision (`prediction`) and the probability (`score`).
 * `npm run reference-profile -w examples` writes the profile to `src/service/reference-profile.json`.
 */
import { buildProfile, type ReferenceProfile } from '@modelwatch/otel';
import { createSimulator, FEATURE_NAMES } from '../simulator/index.js';
import { loadFraudModel, predict, type FraudModel } from './fraud-model.js';

/** The committed profile was built from these. */
export const REFERENCE = { seed: 202, rows: 20_000, createdAt: '2026-01-01T00:00:00.000Z' } as const;
export const TARGET_COLUMN = 'is_fraud';
export const PREDICTION_COLUMN = 'prediction';
export const SCORE_COLUMN = 'score';
export const REFERENCE_PROFILE_PATH = new URL('./reference-profile.json', import.meta.url);

/** Reference rows as columns: every feature, then `is_fraud`, `prediction`, `score`. */
export function referenceColumns(model: FraudModel = loadFraudModel(), reference: { seed: number; rows: number } = REFERENCE): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = Object.fromEntries([...FEATURE_NAMES, TARGET_COLUMN, PREDICTION_COLUMN, SCORE_COLUMN].map((name) => [name, []]));
  for (const row of createSimulator({ seed: reference.seed, phases: [{ rows: reference.rows }] })) {
    for (const name of FEATURE_NAMES) columns[name]!.push(row.features[name]);
    const { score, prediction } = predict(model, row.features);
    columns[TARGET_COLUMN]!.push(row.label);
    columns[PREDICTION_COLUMN]!.push(prediction);
    columns[SCORE_COLUMN]!.push(score);
  }
  return columns;
}

/**
 * Builds the reference profile with the library's profile builder (target, prediction and score
 * roles, so the profile carries the performance baseline).
 *
 * @example writeFileSync('reference-profile.json', JSON.stringify(buildReferenceProfile()))
 */
export function buildReferenceProfile(model: FraudModel = loadFraudModel()): ReferenceProfile {
  return buildProfile(referenceColumns(model), {
    name: `${model.name} v${model.version} reference (simulator seed ${REFERENCE.seed}, stationary)`,
    createdAt: REFERENCE.createdAt,
    target: TARGET_COLUMN,
    prediction: PREDICTION_COLUMN,
    score: SCORE_COLUMN,
  });
}
