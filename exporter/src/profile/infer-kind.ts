/**
 * Deciding whether a column is numeric, categorical or boolean.
 *
 * Rules, in order:
 * 1. A user override wins (`{ numeric: ['zip'], categorical: ['store_id'], boolean: ['is_new'] }`).
 * 2. Otherwise the JavaScript type held by most non-missing values decides: numbers (and bigints)
 *    → numeric, `true`/`false` → boolean, strings → categorical; on a tie, categorical wins, then
 *    numeric. Numeric strings ("3.5") are strings: parse them before profiling if they are numbers.
 * 3. A numeric column whose numbers are all 0 or 1 becomes boolean ONLY when the user says so
 *    (`zeroOneAsBoolean: true` or a list of columns). Numeric columns with few distinct integers
 *    (counts, ratings) stay numeric: override them to categorical if that is what they are.
 * 4. A column with no non-missing value is categorical (it has no bins to compare).
 * Values of a type other than the chosen kind are counted as type errors by the profiler.
 */
import type { FeatureKind } from '../drift/methods.js';
import { isMissing } from './is-missing.js';

/** Per-column kind overrides: each list names columns forced to that kind. */
export interface KindOverrides {
  numeric?: readonly string[];
  categorical?: readonly string[];
  boolean?: readonly string[];
}

export interface InferKindOptions {
  overrides?: KindOverrides;
  /** Read numeric columns holding only 0 and 1 as boolean: `true` for all, or the columns named. */
  zeroOneAsBoolean?: boolean | readonly string[];
}

/** How many non-missing values of each JavaScript type a column held. */
export interface KindTally {
  numbers: number;
  /** Numbers equal to 0 or 1 (a subset of `numbers`). */
  zeroOnes: number;
  booleans: number;
  strings: number;
  /** Objects, arrays, symbols, functions: no kind takes them. */
  others: number;
}

/** An empty tally to fill with `tallyValue`. */
export function emptyKindTally(): KindTally {
  return { numbers: 0, zeroOnes: 0, booleans: 0, strings: 0, others: 0 };
}

/** Adds one value to `tally` (missing values are ignored). Mutates and returns `tally`. */
export function tallyValue(tally: KindTally, value: unknown): KindTally {
  if (isMissing(value)) return tally;
  if (typeof value === 'number' || typeof value === 'bigint') {
    tally.numbers++;
    if (value == 0 || value == 1) tally.zeroOnes++;
  } else if (typeof value === 'boolean') tally.booleans++;
  else if (typeof value === 'string') tally.strings++;
  else tally.others++;
  return tally;
}

const KIND_LISTS = ['numeric', 'categorical', 'boolean'] as const;

/**
 * Throws a TypeError unless `overrides` is `{ numeric?, categorical?, boolean? }` of string arrays,
 * and a RangeError when one column is forced to two kinds.
 */
export function assertKindOverrides(overrides: unknown): asserts overrides is KindOverrides {
  if (overrides === undefined) return;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new TypeError(`kind overrides must be an object like { categorical: ['col'] }; got ${JSON.stringify(overrides)}`);
  }
  const seen = new Map<string, string>();
  for (const [key, list] of Object.entries(overrides)) {
    if (!(KIND_LISTS as readonly string[]).includes(key)) {
      throw new RangeError(`kind overrides: unknown key "${key}"; use ${KIND_LISTS.join(', ')}`);
    }
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
      throw new TypeError(`kind overrides: ${key} must be an array of column names; got ${JSON.stringify(list)}`);
    }
    for (const name of list as string[]) {
      const previous = seen.get(name);
      if (previous !== undefined && previous !== key) {
        throw new RangeError(`kind overrides: column "${name}" is listed as both ${previous} and ${key}`);
      }
      seen.set(name, key);
    }
  }
}

/** The kind the user forced for `column`, if any. */
export function overriddenKind(column: string, overrides: KindOverrides | undefined): FeatureKind | undefined {
  if (overrides === undefined) return undefined;
  for (const kind of KIND_LISTS) if (overrides[kind]?.includes(column)) return kind;
  return undefined;
}

function zeroOneAllowed(column: string, option: InferKindOptions['zeroOneAsBoolean']): boolean {
  return option === true || (Array.isArray(option) && option.includes(column));
}

/** The kind of `column` from a tally of its values, following the rules in this module's comment. */
export function inferKindFromTally(column: string, tally: KindTally, options: InferKindOptions = {}): FeatureKind {
  const forced = overriddenKind(column, options.overrides);
  if (forced !== undefined) return forced;
  const { numbers, booleans, strings } = tally;
  if (strings > 0 && strings >= numbers && strings >= booleans) return 'categorical';
  if (numbers > 0 && numbers >= booleans) {
    return tally.zeroOnes === numbers && zeroOneAllowed(column, options.zeroOneAsBoolean) ? 'boolean' : 'numeric';
  }
  if (booleans > 0) return 'boolean';
  return 'categorical';
}

/**
 * The kind of one column from its values (rules in this module's comment).
 *
 * @example inferKind('age', [31, 45, null]) // 'numeric'
 * @example inferKind('churned', [0, 1, 1], { zeroOneAsBoolean: ['churned'] }) // 'boolean'
 * @example inferKind('rating', [1, 2, 3, 2]) // 'numeric' (few distinct integers stay numeric)
 */
export function inferKind(column: string, values: Iterable<unknown> | ArrayLike<unknown>, options: InferKindOptions = {}): FeatureKind {
  if (typeof column !== 'string') throw new TypeError(`column must be a string; got ${String(column)}`);
  assertKindOverrides(options.overrides);
  const tally = emptyKindTally();
  const iterable: Iterable<unknown> = Symbol.iterator in Object(values) ? (values as Iterable<unknown>) : Array.from(values as ArrayLike<unknown>);
  for (const value of iterable) tallyValue(tally, value);
  return inferKindFromTally(column, tally, options);
}
