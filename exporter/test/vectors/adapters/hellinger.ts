import { z } from 'zod';
import { bhattacharyyaCoefficient, hellingerDistance } from '../../../src/stats/hellinger.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.strictObject({ p: z.array(z.number()), q: z.array(z.number()) });

/** hellinger.json: sqrt(0.5 * sum((sqrt(p_hat) - sqrt(q_hat))**2)) and the Bhattacharyya coefficient. */
export const adapter: FamilyAdapter = {
  family: 'hellinger',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (hellinger has no groups)`);
    const { p, q } = parseInput(inputSchema, testCase);
    return { hellinger: hellingerDistance(p, q), bhattacharyya_coefficient: bhattacharyyaCoefficient(p, q) };
  },
};
