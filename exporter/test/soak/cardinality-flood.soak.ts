/**
 * The long cardinality flood (`npm run test:soak`): 5 M observations, each with a new segment value,
 * unknown feature name, id and fairness group; series constant at every fifth, caps held, heap flat.
 * Set FLOOD_ROWS to change the length. The 1 M variant runs in `npm test`.
 */
import { jest } from '@jest/globals';
import { runFlood } from '../reliability/flood-assertions.js';

jest.setTimeout(1_800_000);

const ROWS = Number(process.env.FLOOD_ROWS ?? 5_000_000);

test(`${ROWS} distinct segments, unknown names, ids and groups: series capped, overflow counted, memory bounded`, async () => {
  await runFlood(ROWS, 1_750_000);
});
