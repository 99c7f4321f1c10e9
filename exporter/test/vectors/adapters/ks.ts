import { z } from 'zod';
import { ksTwoSample } from '../../../src/stats/ks-two-sample.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.object({
  x: z.array(z.number()),
  y: z.array(z.number()),
  method: z.enum(['exact', 'asymp', 'auto']).default('auto'),
  alternative: z.enum(['two-sided', 'less', 'greater']).default('two-sided'),
});

const knownGroups = ['exact', 'asymp', 'auto'];

/** ks.json: scipy.stats.ks_2samp(x, y, alternative, method). */
export const adapter: FamilyAdapter = {
  family: 'ks',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined && !knownGroups.includes(testCase.group)) {
      throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (known: ${knownGroups.join(', ')})`);
    }
    const { x, y, method, alternative } = parseInput(inputSchema, testCase);
    const result = ksTwoSample(x, y, { method, alternative });
    const fields: ComputedFields = { statistic: result.statistic, pvalue: result.pValue };
    if (result.kstwoN !== undefined) fields.kstwo_n = result.kstwoN;
    if (result.pValueKolmogorovLimit !== undefined) fields.pvalue_kolmogorov_limit = result.pValueKolmogorovLimit;
    return fields;
  },
};
