/**
 * JSON Schemas of the service's request bodies, derived from the model so that the API accepts
 * exactly the model's inputs: numbers (or null when unknown) and bounded category strings (or null).
 */
import type { FraudModel } from './fraud-model.js';

/** Longest accepted id, category, region or attribute value (keeps metric attributes and the label store bounded). */
export const MAX_STRING_LENGTH = 128;

const boundedString = { type: 'string', minLength: 1, maxLength: MAX_STRING_LENGTH } as const;

/** `POST /predict`: `{ id?, features: {...}, region?, attributes?: { age_band? } }`. */
export function predictBodySchema(model: FraudModel): object {
  const numeric = Object.fromEntries(model.numeric.map((feature) => [feature.name, { type: ['number', 'null'] }]));
  const categorical = Object.fromEntries(model.categorical.map((feature) => [feature.name, { type: ['string', 'null'], minLength: 1, maxLength: MAX_STRING_LENGTH }]));
  const names = [...model.numeric, ...model.categorical].map((feature) => feature.name);
  return {
    type: 'object',
    required: ['features'],
    additionalProperties: false,
    properties: {
      id: { ...boundedString, pattern: '^[A-Za-z0-9._:-]+$' },
      features: { type: 'object', required: names, additionalProperties: false, properties: { ...numeric, ...categorical } },
      region: boundedString,
      attributes: { type: 'object', additionalProperties: false, properties: { age_band: boundedString } },
    },
  };
}

/** `POST /label`: `{ id, actual }` with actual 0 (legitimate) or 1 (fraud). */
export const labelBodySchema = {
  type: 'object',
  required: ['id', 'actual'],
  additionalProperties: false,
  properties: {
    id: boundedString,
    actual: { type: 'integer', enum: [0, 1] },
  },
} as const;
