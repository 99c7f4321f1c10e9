import { z } from 'zod';
import { klDivergence } from '../../../src/stats/kl-divergence.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const inputSchema = z.strictObject({ p: z.array(z.number()), q: z.array(z.number()), epsilon: z.number().optional() });

/** kl.json: scipy.stats.entropy(p_smoothed, q_smoothed[, base=2]) and the non-renormalised variant. */
export const adapter: FamilyAdapter = {
  family: 'kl',
  run(testCase): ComputedFields {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`group ${JSON.stringify(testCase.group)} not understood (kl has no groups)`);
    const { p, q, epsilon } = parseInput(inputSchema, testCase);
    const nats = klDivergence(p, q, { epsilon });
    const bits = klDivergence(p, q, { epsilon, base: 2 });
    return {
      kl: nats.divergence,
      kl_base2: bits.divergence,
      kl_without_renormalization: nats.divergenceWithoutRenormalization,
      p_smoothed: nats.pSmoothed,
      q_smoothed: nats.qSmoothed,
    };
  },
};
