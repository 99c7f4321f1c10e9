/**
 * The long soak (`npm run test:soak`, not part of `npm test`): 10 M observations with ids and delayed
 * labels in a fresh process; RSS after a 2 M warm-up within ± 10 MB at every 1 M checkpoint, the
 * pending-label store bounded by TTL, every label joined. Set SOAK_ROWS to run longer or shorter.
 */
import { jest } from '@jest/globals';
import { runSoak } from '../reliability/soak-assertions.js';

jest.setTimeout(1_800_000);

const ROWS = Number(process.env.SOAK_ROWS ?? 10_000_000);

test(`${ROWS} labelled observations: flat RSS after warm-up, pending labels bounded`, async () => {
  await runSoak(ROWS, Math.floor(ROWS / 5), Math.floor(ROWS / 10), 1_750_000);
});
