import { z } from 'zod';
import { twoProportionZTest } from '../../../src/stats/two-proportion-z-test.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.object({
  successes_a: z.number().int(),
  n_a: z.number().int(),
  successes_b: z.number().int(),
  n_b: z.number().int(),
});

/** ztest_proportions.json: pooled two-proportion z-test, two-sided (statsmodels proportions_ztest). */
export const adapter: FamilyAdapter = {
  family: 'ztest_proportions',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood`);
    const input = parseInput(inputSchema, testCase);
    const result = twoProportionZTest(input.successes_a, input.n_a, input.successes_b, input.n_b);
    return {
      z: result.z,
      pvalue: result.pValue,
      p_a: result.pA,
      p_b: result.pB,
      p_pooled: result.pPooled,
      standard_error: result.standardError,
    };
  },
};
