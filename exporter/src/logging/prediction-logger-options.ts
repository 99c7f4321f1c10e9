/**
 * Options of `createPredictionLogger`, their defaults and their validation. A bad option throws a
 * TypeError/RangeError naming the field and the value; nothing is validated when logging.
 */
import { logs, type LoggerProvider } from '@opentelemetry/api-logs';
import { FIELD_POLICIES, type FieldPolicy } from './field-policy.js';

/** Options of `createPredictionLogger`. Logging is off unless `enabled: true`. */
export interface PredictionLoggerOptions {
  model: { name: string; version: string };
  /** Off by default: `log()` does nothing until this is true. */
  enabled?: boolean;
  /** Key of the HMAC-SHA256 used by the `hash` policy (at least 16 bytes); required when any field is hashed. */
  secret?: string | Uint8Array;
  /** Share of `log()` calls written, in [0, 1] (default 0.01). */
  sampleRate?: number;
  /** Upper bound of records written per second, after sampling (default 10; bursts up to this many). */
  maxPerSecond?: number;
  /** Policy of the inference id (default `hash`). */
  id?: FieldPolicy;
  /** Policy of the prediction (default `keep`). */
  prediction?: FieldPolicy;
  /** Policy of the score (default `keep`). */
  score?: FieldPolicy;
  /** Policy per feature name; a name not listed here follows `defaultFeaturePolicy`. */
  features?: Readonly<Record<string, FieldPolicy>>;
  /** Policy of every feature not in `features` (default `drop`: raw features are never logged unless kept explicitly). */
  defaultFeaturePolicy?: FieldPolicy;
  /** Hex characters kept of each hash (8 … 64, default 16 = 64 bits). */
  hashLength?: number;
  /** Kept strings longer than this are cut (default 256). */
  maxStringLength?: number;
  /** Features written per record at most, in input order (default 64). */
  maxFeatures?: number;
  /** Default: the global LoggerProvider of `@opentelemetry/api-logs`. */
  loggerProvider?: LoggerProvider;
  /** Injectable for tests: uniform random numbers in [0, 1) (default Math.random) and the clock (default Date.now). */
  random?: () => number;
  now?: () => number;
}

/** Options with defaults filled in. @internal */
export interface ResolvedPredictionLoggerOptions {
  model: { name: string; version: string };
  enabled: boolean;
  secret: string | Uint8Array | undefined;
  sampleRate: number;
  maxPerSecond: number;
  id: FieldPolicy;
  prediction: FieldPolicy;
  score: FieldPolicy;
  features: ReadonlyMap<string, FieldPolicy>;
  defaultFeaturePolicy: FieldPolicy;
  hashLength: number;
  maxStringLength: number;
  maxFeatures: number;
  loggerProvider: LoggerProvider;
  random: () => number;
  now: () => number;
}

export const PREDICTION_LOGGER_DEFAULTS = {
  sampleRate: 0.01,
  maxPerSecond: 10,
  id: 'hash',
  prediction: 'keep',
  score: 'keep',
  defaultFeaturePolicy: 'drop',
  hashLength: 16,
  maxStringLength: 256,
  maxFeatures: 64,
} as const;

const MIN_SECRET_BYTES = 16;
const KNOWN_OPTIONS = new Set(['model', 'enabled', 'secret', 'sampleRate', 'maxPerSecond', 'id', 'prediction', 'score', 'features', 'defaultFeaturePolicy', 'hashLength', 'maxStringLength', 'maxFeatures', 'loggerProvider', 'random', 'now']);

function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(field: string, rule: string, value: unknown, ErrorType: typeof TypeError | typeof RangeError = TypeError): never {
  throw new ErrorType(`createPredictionLogger: options.${field} ${rule}; got ${shown(value)}`);
}

function policy(field: string, value: unknown, fallback: FieldPolicy): FieldPolicy {
  if (value === undefined) return fallback;
  if (!FIELD_POLICIES.includes(value as FieldPolicy)) fail(field, `must be one of ${FIELD_POLICIES.map((p) => `'${p}'`).join(', ')}`, value);
  return value as FieldPolicy;
}

function number(field: string, value: unknown, fallback: number, min: number, max: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    fail(field, `must be ${integer ? 'a whole number' : 'a number'} in [${min}, ${max}]`, value, typeof value === 'number' ? RangeError : TypeError);
  }
  return value;
}

function func(field: string, value: unknown, fallback: () => number): () => number {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') fail(field, 'must be a function returning a number', value);
  return value as () => number;
}

function featurePolicies(value: unknown): Map<string, FieldPolicy> {
  if (value === undefined) return new Map();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('features', 'must be an object mapping feature names to drop | hash | keep', value);
  return new Map(Object.entries(value).map(([name, entry]) => [name, policy(`features.${name}`, entry, 'drop')]));
}

function secretOf(value: unknown): string | Uint8Array | undefined {
  if (value === undefined) return undefined;
  const bytes = typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value instanceof Uint8Array ? value.byteLength : -1;
  if (bytes < 0) throw new TypeError(`createPredictionLogger: options.secret must be a string or a Uint8Array; got ${typeof value}`);
  // never echo the secret itself
  if (bytes < MIN_SECRET_BYTES) throw new RangeError(`createPredictionLogger: options.secret must be at least ${MIN_SECRET_BYTES} bytes; got ${bytes} bytes`);
  return value as string | Uint8Array;
}

function modelOf(value: unknown): { name: string; version: string } {
  const model = value as { name?: unknown; version?: unknown } | null | undefined;
  if (model === null || typeof model !== 'object') fail('model', 'must be { name, version }', value);
  for (const key of ['name', 'version'] as const) {
    const text = model[key];
    if (typeof text !== 'string' || text === '' || text.length > 256) fail(`model.${key}`, 'must be a non-empty string of at most 256 characters', text);
  }
  return { name: model.name as string, version: model.version as string };
}

/**
 * Validates `createPredictionLogger` options and fills in the defaults. @internal
 * @throws TypeError / RangeError naming the field and its value (never the secret).
 */
export function resolvePredictionLoggerOptions(options: unknown): ResolvedPredictionLoggerOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`createPredictionLogger: options must be an object; got ${shown(options)}`);
  const given = options as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length > 0) throw new TypeError(`createPredictionLogger: unknown option(s) ${unknown.join(', ')} (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  const enabled = given.enabled ?? false;
  if (typeof enabled !== 'boolean') fail('enabled', 'must be a boolean', enabled);
  const defaults = PREDICTION_LOGGER_DEFAULTS;
  const resolved: ResolvedPredictionLoggerOptions = {
    model: modelOf(given.model),
    enabled,
    secret: secretOf(given.secret),
    sampleRate: number('sampleRate', given.sampleRate, defaults.sampleRate, 0, 1, false),
    maxPerSecond: number('maxPerSecond', given.maxPerSecond, defaults.maxPerSecond, 1, 100_000, false),
    id: policy('id', given.id, defaults.id),
    prediction: policy('prediction', given.prediction, defaults.prediction),
    score: policy('score', given.score, defaults.score),
    features: featurePolicies(given.features),
    defaultFeaturePolicy: policy('defaultFeaturePolicy', given.defaultFeaturePolicy, defaults.defaultFeaturePolicy),
    hashLength: number('hashLength', given.hashLength, defaults.hashLength, 8, 64, true),
    maxStringLength: number('maxStringLength', given.maxStringLength, defaults.maxStringLength, 1, 65_536, true),
    maxFeatures: number('maxFeatures', given.maxFeatures, defaults.maxFeatures, 0, 10_000, true),
    loggerProvider: (given.loggerProvider as LoggerProvider | undefined) ?? logs.getLoggerProvider(),
    random: func('random', given.random, Math.random),
    now: func('now', given.now, Date.now),
  };
  if (given.loggerProvider !== undefined && typeof (given.loggerProvider as { getLogger?: unknown }).getLogger !== 'function') {
    fail('loggerProvider', 'must be a LoggerProvider (an object with getLogger())', given.loggerProvider);
  }
  const hashes = [resolved.id, resolved.prediction, resolved.score, resolved.defaultFeaturePolicy, ...resolved.features.values()].includes('hash');
  if (hashes && resolved.enabled && resolved.secret === undefined) {
    throw new TypeError(`createPredictionLogger: options.secret is required because a field uses the 'hash' policy (the id is hashed by default); pass a secret of at least ${MIN_SECRET_BYTES} bytes, or set id: 'drop'`);
  }
  return resolved;
}
