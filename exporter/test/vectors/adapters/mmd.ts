import { z } from 'zod';
import { maximumMeanDiscrepancy, medianHeuristicSigma } from '../../../src/stats/mmd.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const matrix = z.array(z.array(z.number()));
const inputSchema = z.strictObject({ X: matrix, Y: matrix, sigma: z.number().optional() });

/** mmd.json: Gaussian-RBF MMD² (unbiased U- and biased V-statistic) at a given σ and at the median-heuristic σ. */
export const adapter: FamilyAdapter = {
  family: 'mmd',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (mmd has no groups)`);
    const { X, Y, sigma } = parseInput(inputSchema, testCase);
    const atMedian = maximumMeanDiscrepancy(X, Y, { sigma: 'median' });
    const fields: ComputedFields = {
      sigma_median: medianHeuristicSigma(X, Y),
      mmd2_unbiased_median_sigma: atMedian.mmd2Unbiased,
      mmd2_biased_median_sigma: atMedian.mmd2Biased,
    };
    if (sigma !== undefined) {
      const atGiven = maximumMeanDiscrepancy(X, Y, { sigma });
      fields.mmd2_unbiased = atGiven.mmd2Unbiased;
      fields.mmd2_biased = atGiven.mmd2Biased;
    }
    return fields;
  },
};
