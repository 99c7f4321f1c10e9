/**
 * Building a reference profile from data already in memory.
 */
import { ProfileBuilder } from './profile-builder.js';
import type { ProfileOptions } from './profile-options.js';
import type { ReferenceProfile } from './schema.js';

/**
 * Profiles a table given as rows (`[{ age: 31, city: 'Oslo' }, …]`) or as columns
 * (`{ age: [31, …], city: ['Oslo', …] }`); both forms give the same profile. Every value is seen
 * before kinds are decided (unlike the streaming builder's `kindInferenceRows` window). Same
 * options and accuracy as {@link ProfileBuilder}: bins, quantiles and counts are exact while each
 * numeric column has at most `maxExactValues` distinct values.
 *
 * @throws TypeError/RangeError on bad options or input shape; never on data values.
 * @example
 * buildProfile({ age: [20, 30, 40, 50], city: ['a', 'b', 'a', null] }, { binCount: 2 })
 * // features.age.binEdges [35]; features.city.missingCount 1
 */
export function buildProfile(
  input: ReadonlyArray<object> | Readonly<Record<string, ArrayLike<unknown>>>,
  options: ProfileOptions = {},
): ReferenceProfile {
  if (input === null || typeof input !== 'object') throw new TypeError(`input must be an array of rows or an object of columns; got ${String(input)}`);
  const batchOptions: ProfileOptions = { ...options, kindInferenceRows: Infinity };
  const builder = new ProfileBuilder(batchOptions);
  if (Array.isArray(input)) for (const row of input as ReadonlyArray<object>) builder.add(row);
  else builder.addColumns(input as Readonly<Record<string, ArrayLike<unknown>>>);
  return builder.finish();
}
