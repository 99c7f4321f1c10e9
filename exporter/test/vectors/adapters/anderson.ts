import { z } from 'zod';
import { andersonDarlingKSample } from '../../../src/stats/anderson-darling.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.union([
  z.object({ x: z.array(z.number()), y: z.array(z.number()), midrank: z.boolean().default(true) }).strict(),
  z.object({ samples: z.array(z.array(z.number())).min(2), midrank: z.boolean().default(true) }).strict(),
]);

/** anderson.json: scipy.stats.anderson_ksamp([x, y], midrank=True). */
export const adapter: FamilyAdapter = {
  family: 'anderson',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood`);
    const input = parseInput(inputSchema, testCase);
    const samples = 'samples' in input ? input.samples : [input.x, input.y];
    const result = andersonDarlingKSample(samples, { midrank: input.midrank });
    return {
      statistic: result.statistic,
      significance_level: result.significanceLevel,
      cap: result.cap,
      critical_values: result.criticalValues,
    };
  },
};
