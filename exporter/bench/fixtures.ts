/**
 * Deterministic benchmark data: 25-value rows (20 numeric, 5 categorical), the reference profile
 * built from them with `buildProfile`, and Float64Array columns for the columnar path.
 */
import { buildProfile, type Observation, type ReferenceProfile } from '@modelwatch/otel';

export const NUMERIC_FEATURE_COUNT = 20;
export const CATEGORICAL_FEATURE_COUNT = 5;
export const CATEGORY_LEVELS = 8;
export const BIN_COUNT = 10;
export const MODEL = { name: 'bench-model', version: '1' } as const;
/** The attributes every monitor series carries, used for the plain-OTel baseline too. */
export const MODEL_ATTRIBUTES = { 'ml.model.name': MODEL.name, 'ml.model.version': MODEL.version } as const;

/** A small seeded PRNG (mulberry32) so every run benchmarks the same values. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const numericNames = (count = NUMERIC_FEATURE_COUNT): string[] => Array.from({ length: count }, (_, index) => `num_${index}`);
export const categoricalNames = (count = CATEGORICAL_FEATURE_COUNT): string[] => Array.from({ length: count }, (_, index) => `cat_${index}`);

/** `rowCount` feature records: numeric features N(i, 1 + i/10), categoricals skewed over 8 levels. */
export function generateFeatureRows(rowCount: number, seed: number, numeric = numericNames(), categorical = categoricalNames()): Record<string, number | string>[] {
  const random = seededRandom(seed);
  return Array.from({ length: rowCount }, () => {
    const row: Record<string, number | string> = {};
    numeric.forEach((name, index) => {
      row[name] = index + (1 + index / 10) * normal(random);
    });
    for (const name of categorical) row[name] = `level_${Math.floor(CATEGORY_LEVELS * random() ** 2)}`;
    return row;
  });
}

/** Reference profile (10 quantile bins per numeric feature) built from 10 000 generated rows. */
export function buildReferenceProfile(numeric = numericNames(), categorical = categoricalNames()): ReferenceProfile {
  return buildProfile(generateFeatureRows(10_000, 1, numeric, categorical), { binCount: BIN_COUNT, kinds: { categorical } });
}

/** Observations as a service would pass them to `monitor.observe`. */
export function generateObservations(rowCount: number, seed: number): Observation[] {
  return generateFeatureRows(rowCount, seed).map((features) => ({ features }));
}

/** One Float64Array per numeric feature, `rowCount` long. */
export function generateNumericColumns(rowCount: number, seed: number, numeric = numericNames()): Record<string, Float64Array> {
  const random = seededRandom(seed);
  return Object.fromEntries(numeric.map((name, index) => [name, Float64Array.from({ length: rowCount }, () => index + (1 + index / 10) * normal(random))]));
}
