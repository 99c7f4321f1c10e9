import { z } from 'zod';
import { chiSquaredContingency } from '../../../src/stats/chi-squared-contingency.js';
import { chiSquaredGoodnessOfFit } from '../../../src/stats/chi-squared-goodness-of-fit.js';
import { parseInput, requireGroup } from '../parse-input.js';
import { attempt, type ComputedFields, type FamilyAdapter } from '../types.js';

const goodnessOfFitSchema = z
  .object({
    current_counts: z.array(z.number()),
    reference_counts: z.array(z.number()).optional(),
    reference_proportions: z.array(z.number()).optional(),
    epsilon: z.number().positive().optional(),
  })
  .refine((input) => input.reference_proportions !== undefined || input.reference_counts !== undefined, {
    message: 'reference_proportions or reference_counts is required',
  });

const contingencySchema = z.object({ table: z.array(z.array(z.number())) });

/**
 * chi2.json: scipy.stats.chisquare(f_obs, f_exp=p_ref*sum(f_obs)) (group goodness_of_fit, plus the
 * smoothed variant) and scipy.stats.chi2_contingency(table, correction=False) (group contingency_2xK).
 */
export const adapter: FamilyAdapter = {
  family: 'chi2',
  run(testCase): ComputedFields {
    const group = requireGroup(testCase, ['goodness_of_fit', 'contingency_2xK'] as const);
    if (group === 'contingency_2xK') {
      const { table } = parseInput(contingencySchema, testCase);
      const result = chiSquaredContingency(table);
      return { statistic: result.statistic, pvalue: result.pValue, dof: result.dof, expected_freq: result.expected };
    }
    const input = parseInput(goodnessOfFitSchema, testCase);
    const proportions = input.reference_proportions ?? proportionsFromCounts(input.reference_counts ?? []);
    const raw = chiSquaredGoodnessOfFit(input.current_counts, proportions);
    const fields: ComputedFields = { statistic: raw.statistic, pvalue: raw.pValue, dof: raw.dof, f_exp: raw.expected };
    const epsilon = input.epsilon;
    if (epsilon !== undefined) {
      const smoothed = attempt(() => chiSquaredGoodnessOfFit(input.current_counts, proportions, { zeroProportionEpsilon: epsilon }));
      fields.smoothed_statistic = 'statistic' in smoothed ? smoothed.statistic : smoothed;
      fields.smoothed_pvalue = 'pValue' in smoothed ? smoothed.pValue : smoothed;
    }
    return fields;
  },
};

function proportionsFromCounts(counts: number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return counts.map((count) => count / total);
}
