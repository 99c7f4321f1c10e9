/**
 * A zod mirror of `src/cli/check-output.schema.json`, used to validate the CLI's JSON output in
 * tests (check-output-schema.test.ts keeps the two in step).
 */
import { z } from 'zod';

const nullableNumber = z.number().nullable();

export const checkOutputSchema = z.strictObject({
  dataset: z.strictObject({
    drifted: z.boolean(),
    driftedShare: z.number().min(0).max(1).nullable(),
    weightedDriftedShare: z.number().min(0).max(1).nullable(),
    rows: z.strictObject({ reference: z.number().int().min(0), current: z.number().int().min(0) }),
  }),
  features: z.array(
    z.strictObject({
      name: z.string(),
      kind: z.enum(['numeric', 'categorical', 'boolean']),
      method: z.string().nullable(),
      score: nullableNumber,
      pValue: z.number().min(0).max(1).nullable(),
      threshold: nullableNumber,
      drifted: z.boolean(),
      sampleSize: z.number().int().min(0),
    }),
  ),
  quality: z.array(
    z.strictObject({
      feature: z.string(),
      check: z.enum(['missing', 'out_of_range', 'new_category', 'type_error', 'constant']),
      value: nullableNumber,
      threshold: z.number(),
      failed: z.boolean(),
    }),
  ),
});

export type CheckOutput = z.infer<typeof checkOutputSchema>;
