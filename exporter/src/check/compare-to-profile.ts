import { ComparisonAccumulator, type CompareOptions, type ProfileComparison } from './comparison-accumulator.js';
import type { ReferenceProfile } from '../profile/schema.js';

export { OTHER_CATEGORY } from './feature-tally.js';
export type { CompareOptions, FeatureComparison, ProfileComparison } from './comparison-accumulator.js';

/** Current data: an array of rows, or columns of equal length. */
export type CurrentData = ReadonlyArray<object> | Readonly<Record<string, ArrayLike<unknown>>>;

function rowCount(data: CurrentData): number {
  if (Array.isArray(data)) return data.length;
  const lengths = new Set(Object.values(data as Readonly<Record<string, ArrayLike<unknown>>>).map((column) => column.length));
  if (lengths.size > 1) throw new RangeError(`current columns must have equal lengths; got ${[...lengths].join(', ')}`);
  return lengths.size === 0 ? 0 : ([...lengths][0] as number);
}

/**
 * Compares a batch of current data with a reference profile: drift per feature (method and threshold
 * from the documented default policy, or the overrides), dataset drift, and data-quality findings.
 * Bad values never throw: they are counted as missing or type errors and reported as findings.
 *
 * @example
 * const result = compareToProfile(profile, currentRows);
 * result.features.filter((f) => f.drift?.drifted).map((f) => f.name);
 */
export function compareToProfile(profile: ReferenceProfile, current: CurrentData, options: CompareOptions = {}): ProfileComparison {
  const accumulator = new ComparisonAccumulator(profile);
  const rows = rowCount(current);
  if (Array.isArray(current)) {
    for (const row of current as ReadonlyArray<Readonly<Record<string, unknown>>>) accumulator.addRow(row ?? {});
  } else {
    const columns = current as Readonly<Record<string, ArrayLike<unknown>>>;
    for (const tally of accumulator.tallies) {
      const column = Object.hasOwn(columns, tally.name) ? columns[tally.name] : undefined;
      for (let row = 0; row < rows; row++) tally.add(column === undefined ? undefined : column[row]);
    }
    accumulator.countRows(rows);
  }
  return accumulator.finish(options);
}
