import { z } from 'zod';
import { populationStabilityIndex, populationStabilityIndexFromSamples } from '../../../src/stats/psi.js';
import { parseInput, requireGroup } from '../parse-input.js';
import type { ComputedFields, FamilyAdapter } from '../types.js';

const counts = z.array(z.number());
const fromCountsInput = z.strictObject({ reference_counts: counts, current_counts: counts, epsilon: z.number().optional() });
const fromSamplesInput = z.strictObject({
  reference: z.array(z.number()),
  current: z.array(z.number()),
  edges: z.array(z.number()),
  epsilon: z.number().optional(),
});

/** psi.json: PSI by definition, from counts and from samples binned on interior edges. */
export const adapter: FamilyAdapter = {
  family: 'psi',
  run(testCase): ComputedFields {
    const group = requireGroup(testCase, ['from_counts', 'from_samples']);
    if (group === 'from_counts') {
      const input = parseInput(fromCountsInput, testCase);
      const result = populationStabilityIndex(input.reference_counts, input.current_counts, { epsilon: input.epsilon });
      return { psi: result.psi, terms: result.terms, p_ref: result.pRef, p_cur: result.pCur };
    }
    const input = parseInput(fromSamplesInput, testCase);
    const result = populationStabilityIndexFromSamples(input.reference, input.current, input.edges, { epsilon: input.epsilon });
    return {
      psi: result.psi,
      terms: result.terms,
      p_ref: result.pRef,
      p_cur: result.pCur,
      reference_counts: result.referenceCounts,
      current_counts: result.currentCounts,
    };
  },
};
