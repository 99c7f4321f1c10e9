import { z } from 'zod';
import { jensenShannon, jensenShannonFromSamples, type JensenShannonResult } from '../../../src/stats/jensen-shannon.js';
import { parseInput, requireGroup } from '../parse-input.js';
import type { ComputedFields, FamilyAdapter } from '../types.js';

const fromProbabilitiesInput = z.strictObject({ p: z.array(z.number()), q: z.array(z.number()) });
const fromSamplesInput = z.strictObject({ reference: z.array(z.number()), current: z.array(z.number()), edges: z.array(z.number()) });

function bothBases(compute: (base: number | undefined) => JensenShannonResult): ComputedFields {
  const bits = compute(2);
  const nats = compute(undefined);
  return {
    distance_base2: bits.distance,
    divergence_base2: bits.divergence,
    distance_base_e: nats.distance,
    divergence_base_e: nats.divergence,
  };
}

/** js.json: scipy.spatial.distance.jensenshannon(p, q, base=2) and (p, q) (natural log). */
export const adapter: FamilyAdapter = {
  family: 'js',
  run(testCase): ComputedFields {
    const group = requireGroup(testCase, ['from_probabilities', 'from_samples']);
    if (group === 'from_probabilities') {
      const { p, q } = parseInput(fromProbabilitiesInput, testCase);
      return bothBases((base) => jensenShannon(p, q, { base }));
    }
    const { reference, current, edges } = parseInput(fromSamplesInput, testCase);
    const binned = jensenShannonFromSamples(reference, current, edges);
    return {
      ...bothBases((base) => jensenShannonFromSamples(reference, current, edges, { base })),
      reference_counts: binned.referenceCounts,
      current_counts: binned.currentCounts,
    };
  },
};
