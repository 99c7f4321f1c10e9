/**
 * Options of `buildProfile` / `ProfileBuilder`, their defaults and their validation.
 */
import { assertBinCount, DEFAULT_BIN_COUNT, explicitBinEdges } from './bin-edges.js';
import { assertKindOverrides } from './infer-kind.js';
import type { KindOverrides } from './infer-kind.js';

export interface ProfileOptions {
  /** Free-text name and description stored in the profile. */
  name?: string;
  description?: string;
  /** Timestamp stored as `createdAt` (default: now). */
  createdAt?: Date | string;
  /** Profile exactly these columns, in this order (default: every column, in order of first appearance). */
  columns?: readonly string[];
  /** Force kinds per column: `{ categorical: ['store_id'], numeric: [...], boolean: [...] }`. */
  kinds?: KindOverrides;
  /** Read numeric columns holding only 0/1 as boolean: `true` for all, or the columns named. */
  zeroOneAsBoolean?: boolean | readonly string[];
  /** Columns with a role other than `feature` (profiled like features, role recorded). */
  target?: string;
  prediction?: string;
  score?: string;
  /** Task of the baseline metrics (default: inferred from the target; see docs/profiles.md). */
  task?: 'binary' | 'multiclass' | 'regression';
  /** Positive class of a binary target (default 1; `true` counts as 1). */
  positiveLabel?: string | number;
  /**
   * Decision threshold of a binary task with a score (default 0.5): a score at or above it is
   * predicted positive. Used for the baseline metrics when the data has no prediction column, for
   * the CBPE calibration, and stored as `baseline.threshold` for the monitor.
   */
  threshold?: number;
  /** Feature importance per column, stored as `importance`. */
  importance?: Readonly<Record<string, number>>;
  /** Quantile bins per numeric feature (default 10). */
  binCount?: number;
  /** Explicit interior edges per numeric column (forces the column numeric; counts exact in one pass). */
  binEdges?: Readonly<Record<string, readonly number[]>>;
  /** Categories listed per categorical feature, most frequent first (default 50). */
  maxCategories?: number;
  /** Distinct categories counted exactly per column (default 1000; ≥ maxCategories). */
  categoryTrackingCapacity?: number;
  /** Distinct numeric values kept exactly per column (default 100 000; 24 bytes each at most). */
  maxExactValues?: number;
  /** Relative accuracy α of each numeric column's quantile sketch (default 0.01). */
  relativeAccuracy?: number;
  /** Non-missing values per column the streaming builder looks at before fixing its kind (default 1000). */
  kindInferenceRows?: number;
}

/** Options with every default filled in. @internal */
export interface ResolvedProfileOptions {
  name: string | undefined;
  description: string | undefined;
  createdAt: string;
  columns: readonly string[] | undefined;
  kinds: KindOverrides;
  zeroOneAsBoolean: boolean | readonly string[];
  roles: ReadonlyMap<string, 'target' | 'prediction' | 'score'>;
  target: string | undefined;
  prediction: string | undefined;
  score: string | undefined;
  task: 'binary' | 'multiclass' | 'regression' | undefined;
  positiveLabel: string | number;
  threshold: number;
  importance: Readonly<Record<string, number>>;
  binCount: number;
  binEdges: ReadonlyMap<string, number[]>;
  maxCategories: number;
  categoryTrackingCapacity: number;
  maxExactValues: number;
  relativeAccuracy: number;
  kindInferenceRows: number;
}

export const PROFILE_DEFAULTS = {
  binCount: DEFAULT_BIN_COUNT,
  threshold: 0.5,
  maxCategories: 50,
  categoryTrackingCapacity: 1000,
  maxExactValues: 100_000,
  relativeAccuracy: 0.01,
  kindInferenceRows: 1000,
} as const;

function positiveInteger(value: unknown, name: string, fallback: number, allowInfinity = false): number {
  if (value === undefined) return fallback;
  const ok = typeof value === 'number' && ((Number.isInteger(value) && value >= 1) || (allowInfinity && value === Infinity));
  if (!ok) throw new RangeError(`options.${name} must be a positive integer${allowInfinity ? ' or Infinity' : ''}; got ${String(value)}`);
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`options.${name} must be a string; got ${String(value)}`);
  return value;
}

function resolveCreatedAt(value: unknown): string {
  if (value === undefined) return new Date().toISOString();
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) throw new RangeError(`options.createdAt must be a Date or an ISO 8601 string; got ${String(value)}`);
  return date.toISOString();
}

function resolveColumns(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
    throw new TypeError(`options.columns must be an array of column names; got ${JSON.stringify(value)}`);
  }
  const duplicate = value.find((name, i) => value.indexOf(name) !== i);
  if (duplicate !== undefined) throw new RangeError(`options.columns lists "${duplicate}" twice`);
  return [...value];
}

function resolveBinEdges(value: unknown, kinds: KindOverrides): Map<string, number[]> {
  const edges = new Map<string, number[]>();
  if (value === undefined) return edges;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`options.binEdges must be an object { column: [edges] }; got ${JSON.stringify(value)}`);
  }
  for (const [column, list] of Object.entries(value)) {
    if (kinds.categorical?.includes(column) || kinds.boolean?.includes(column)) {
      throw new RangeError(`options.binEdges.${column}: bin edges apply to numeric columns, but kinds makes "${column}" non-numeric`);
    }
    try {
      edges.set(column, explicitBinEdges(list as number[]));
    } catch (error) {
      throw new RangeError(`options.binEdges.${column}: ${(error as Error).message}`);
    }
  }
  return edges;
}

function resolveImportance(value: unknown): Record<string, number> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`options.importance must be an object { column: number }; got ${JSON.stringify(value)}`);
  }
  for (const [column, weight] of Object.entries(value)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new RangeError(`options.importance.${column} must be a finite number; got ${String(weight)}`);
  }
  return { ...(value as Record<string, number>) };
}

function resolveTask(value: unknown): ResolvedProfileOptions['task'] {
  if (value === undefined || value === 'binary' || value === 'multiclass' || value === 'regression') return value;
  throw new RangeError(`options.task must be 'binary', 'multiclass' or 'regression'; got ${JSON.stringify(value)}`);
}

function resolvePositiveLabel(value: unknown): string | number {
  if (value === undefined) return 1;
  if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && value.length > 0)) return value;
  throw new TypeError(`options.positiveLabel must be an integer or a non-empty string; got ${JSON.stringify(value)}`);
}

function resolveThreshold(value: unknown): number {
  if (value === undefined) return PROFILE_DEFAULTS.threshold;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`options.threshold must be a finite number (the score at or above which a row is predicted positive); got ${String(value)}`);
  return value;
}

function resolveRoles(options: ProfileOptions): Map<string, 'target' | 'prediction' | 'score'> {
  const roles = new Map<string, 'target' | 'prediction' | 'score'>();
  for (const role of ['target', 'prediction', 'score'] as const) {
    const column = optionalString(options[role], role);
    if (column === undefined) continue;
    const taken = roles.get(column);
    if (taken !== undefined) throw new RangeError(`options.${role}: column "${column}" is already the ${taken}`);
    roles.set(column, role);
  }
  return roles;
}

/** Validates `options` and fills in the defaults. @internal */
export function resolveProfileOptions(options: ProfileOptions = {}): ResolvedProfileOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object; got ${String(options)}`);
  assertKindOverrides(options.kinds);
  const kinds = options.kinds ?? {};
  const zeroOne = options.zeroOneAsBoolean ?? false;
  if (typeof zeroOne !== 'boolean' && !(Array.isArray(zeroOne) && zeroOne.every((name) => typeof name === 'string'))) {
    throw new TypeError(`options.zeroOneAsBoolean must be true, false or an array of column names; got ${JSON.stringify(zeroOne)}`);
  }
  const binCount = options.binCount ?? PROFILE_DEFAULTS.binCount;
  assertBinCount(binCount, 'options.binCount');
  const maxCategories = positiveInteger(options.maxCategories, 'maxCategories', PROFILE_DEFAULTS.maxCategories);
  const categoryTrackingCapacity = positiveInteger(options.categoryTrackingCapacity, 'categoryTrackingCapacity', Math.max(PROFILE_DEFAULTS.categoryTrackingCapacity, maxCategories));
  if (categoryTrackingCapacity < maxCategories) {
    throw new RangeError(`options.categoryTrackingCapacity (${categoryTrackingCapacity}) must be at least options.maxCategories (${maxCategories})`);
  }
  const relativeAccuracy = options.relativeAccuracy ?? PROFILE_DEFAULTS.relativeAccuracy;
  if (typeof relativeAccuracy !== 'number' || !(relativeAccuracy > 0 && relativeAccuracy < 1)) {
    throw new RangeError(`options.relativeAccuracy must be a number in (0, 1); got ${String(relativeAccuracy)}`);
  }
  const roles = resolveRoles(options);
  return {
    name: optionalString(options.name, 'name'),
    description: optionalString(options.description, 'description'),
    createdAt: resolveCreatedAt(options.createdAt),
    columns: resolveColumns(options.columns),
    kinds,
    zeroOneAsBoolean: zeroOne,
    roles,
    target: options.target,
    prediction: options.prediction,
    score: options.score,
    task: resolveTask(options.task),
    positiveLabel: resolvePositiveLabel(options.positiveLabel),
    threshold: resolveThreshold(options.threshold),
    importance: resolveImportance(options.importance),
    binCount,
    binEdges: resolveBinEdges(options.binEdges, kinds),
    maxCategories,
    categoryTrackingCapacity,
    maxExactValues: positiveInteger(options.maxExactValues, 'maxExactValues', PROFILE_DEFAULTS.maxExactValues),
    relativeAccuracy,
    kindInferenceRows: positiveInteger(options.kindInferenceRows, 'kindInferenceRows', PROFILE_DEFAULTS.kindInferenceRows, true),
  };
}
