/**
 * Feeds a vector's rows to a streaming accumulator either in one pass (variant `streaming`) or as
 * two halves, the first sent through toJSON → JSON text → fromJSON, then merged (variant
 * `streaming-halves`), so the same cases prove mergeability and serialisation.
 */

import { ComputedError } from '../types.js';

/** How the rows reach the accumulator. */
export type FeedMode = 'one-pass' | 'halves-merged';

/** The accumulator surface the feeding needs. */
export interface Mergeable<A> {
  merge(other: A): A;
  toJSON(): unknown;
}

/**
 * Builds the accumulator over rows 0..n−1 with `create` and `recordRow`, in the given mode;
 * `restore` reads back the JSON form.
 */
export function feedRows<A extends Mergeable<A>>(
  rows: number,
  mode: FeedMode,
  create: () => A,
  recordRow: (accumulator: A, row: number) => void,
  restore: (json: unknown) => A,
): A {
  const build = (from: number, to: number): A => {
    const accumulator = create();
    for (let row = from; row < to; row++) recordRow(accumulator, row);
    return accumulator;
  };
  if (mode === 'one-pass') return build(0, rows);
  const middle = Math.floor(rows / 2);
  const firstHalf = restore(JSON.parse(JSON.stringify(build(0, middle))) as unknown);
  return firstHalf.merge(build(middle, rows));
}

/** A metric the accumulator reports as NaN where the reference raises becomes that error value. */
export function definedOrError(value: number, reason: string): number | ComputedError {
  return Number.isNaN(value) ? new ComputedError(reason) : value;
}
