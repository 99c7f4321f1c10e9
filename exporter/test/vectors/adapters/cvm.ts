import { z } from 'zod';
import { cramerVonMisesTwoSample } from '../../../src/stats/cramer-von-mises.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.object({
  x: z.array(z.number()),
  y: z.array(z.number()),
  method: z.enum(['auto', 'exact', 'asymptotic']).default('auto'),
});

/** cvm.json: scipy.stats.cramervonmises_2samp(x, y, method). */
export const adapter: FamilyAdapter = {
  family: 'cvm',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood`);
    const { x, y, method } = parseInput(inputSchema, testCase);
    const result = cramerVonMisesTwoSample(x, y, method);
    return { statistic: result.statistic, pvalue: result.pValue, method_used: result.methodUsed };
  },
};
