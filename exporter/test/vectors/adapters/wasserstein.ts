import { z } from 'zod';
import { populationStandardDeviation, wassersteinDistance } from '../../../src/stats/wasserstein.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.strictObject({
  reference: z.array(z.number()),
  current: z.array(z.number()),
  u_weights: z.array(z.number()).optional(),
  v_weights: z.array(z.number()).optional(),
});

/** wasserstein.json: scipy.stats.wasserstein_distance(reference, current) and W / numpy.std(reference). */
export const adapter: FamilyAdapter = {
  family: 'wasserstein',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (wasserstein has no groups)`);
    const { reference, current, u_weights, v_weights } = parseInput(inputSchema, testCase);
    const wasserstein = wassersteinDistance(reference, current, { uWeights: u_weights, vWeights: v_weights });
    const referenceStd = populationStandardDeviation(reference);
    return { wasserstein, reference_std: referenceStd, normalized: wasserstein / referenceStd };
  },
};
