/**
 * The short soak in `npm test` (the 10 M variant is `npm run test:soak`): 600 000 observations with ids
 * and delayed labels on a simulated clock in a fresh process; RSS after warm-up within ± 10 MB, the
 * pending-label store bounded by TTL, every label joined. See soak-assertions.ts.
 */
import { jest } from '@jest/globals';
import { runSoak } from './soak-assertions.js';

jest.setTimeout(120_000);

test('600 000 labelled observations: flat RSS after warm-up, pending labels bounded', async () => {
  await runSoak(600_000, 200_000, 100_000, 110_000);
});
