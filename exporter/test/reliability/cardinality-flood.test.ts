/**
 * Cardinality flood: 1 M observations, each with a new segment value, a new unknown feature name, a new
 * id whose label mostly never comes, and a new fairness group, in a fresh process (workloads/cardinality-flood.ts,
 * heap measured after forced GCs). Exported series stay at the same count from the first fifth to the
 * end, overflow is counted, the pending-label store stays at its cap, and the heap does not grow.
 */
import { jest } from '@jest/globals';
import { runFlood } from './flood-assertions.js';

jest.setTimeout(120_000);

const ROWS = Number(process.env.FLOOD_ROWS ?? 1_000_000);

test(`${ROWS} distinct segments, unknown names, ids and groups: series capped, overflow counted, memory bounded`, async () => {
  await runFlood(ROWS, 110_000);
});
