import { z } from 'zod';
import { totalVariationDistance } from '../../../src/stats/total-variation.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.strictObject({ p: z.array(z.number()), q: z.array(z.number()) });

/** tvd.json: 0.5 * numpy.sum(numpy.abs(p_hat - q_hat)). */
export const adapter: FamilyAdapter = {
  family: 'tvd',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (tvd has no groups)`);
    const { p, q } = parseInput(inputSchema, testCase);
    return { tvd: totalVariationDistance(p, q) };
  },
};
