/**
 * `createPredictionLogger`: sampled, rate-limited, privacy-filtered logs of single inferences through
 * the OpenTelemetry Logs API, for debugging and audits beside the aggregated metrics.
 */
import { SeverityNumber, type LogAttributes, type Logger } from '@opentelemetry/api-logs';
import { RateLimitedDiag } from '../monitor/rate-limited-diag.js';
import { VERSION } from '../version.js';
import { applyFieldPolicy, type FieldPolicy } from './field-policy.js';
import { keyedHash } from './keyed-hash.js';
import { resolvePredictionLoggerOptions, type PredictionLoggerOptions, type ResolvedPredictionLoggerOptions } from './prediction-logger-options.js';
import { TokenBucket } from './token-bucket.js';

/** The event name of every record written. */
export const PREDICTION_LOG_EVENT = 'ml.prediction';

/** Attribute keys of a prediction log record; each feature goes under `ml.feature.<name>`. */
export const PREDICTION_LOG_ATTRIBUTES = {
  modelName: 'ml.model.name',
  modelVersion: 'ml.model.version',
  id: 'ml.prediction.id',
  prediction: 'ml.prediction.value',
  score: 'ml.prediction.score',
  featurePrefix: 'ml.feature.',
} as const;

/** Feature names longer than this are not written (they would make unbounded attribute keys). */
const MAX_FEATURE_NAME_LENGTH = 128;

/** One inference to log; the same shape `monitor.observe` takes. */
export interface PredictionLogInput {
  features?: Readonly<Record<string, unknown>>;
  prediction?: unknown;
  score?: unknown;
  id?: unknown;
  /** When the inference happened (ms since the epoch or a Date; default now). */
  timestamp?: number | Date;
}

/** What happened to the `log()` calls so far. */
export interface PredictionLoggerStats {
  /** Calls while enabled. */
  considered: number;
  /** Left out by sampling. */
  sampledOut: number;
  /** Sampled but over `maxPerSecond`. */
  rateLimited: number;
  /** Records handed to the Logs API. */
  emitted: number;
  /** Calls that failed inside (bad input object, a throwing logger); never seen by the caller. */
  failed: number;
}

/** A prediction logger. `log` never throws and never blocks. */
export interface PredictionLogger {
  /** Logs one inference if logging is enabled, the call is sampled and the rate limit allows it. */
  log(input: PredictionLogInput): void;
  /** Counts of what `log` did. */
  stats(): PredictionLoggerStats;
  /** Whether `log` can write anything (the `enabled` option). */
  readonly enabled: boolean;
}

function timeOf(raw: unknown, now: () => number): number {
  if (raw instanceof Date && Number.isFinite(raw.getTime())) return raw.getTime();
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  return now();
}

function buildAttributes(input: PredictionLogInput, options: ResolvedPredictionLoggerOptions, hash: (text: string) => string): LogAttributes {
  const keys = PREDICTION_LOG_ATTRIBUTES;
  const attributes: LogAttributes = { [keys.modelName]: options.model.name, [keys.modelVersion]: options.model.version };
  const put = (key: string, policy: FieldPolicy, raw: unknown): boolean => {
    const value = applyFieldPolicy(policy, raw, hash, options.maxStringLength);
    if (value !== undefined) attributes[key] = value;
    return value !== undefined;
  };
  put(keys.id, options.id, input.id);
  put(keys.prediction, options.prediction, input.prediction);
  put(keys.score, options.score, input.score);
  const features = input.features;
  if (features !== null && typeof features === 'object') {
    let written = 0;
    for (const name of Object.keys(features)) {
      if (written >= options.maxFeatures) break;
      if (name.length > MAX_FEATURE_NAME_LENGTH) continue;
      const policy = options.features.get(name) ?? options.defaultFeaturePolicy;
      if (policy === 'drop') continue;
      if (put(keys.featurePrefix + name, policy, features[name])) written++;
    }
  }
  return attributes;
}

/**
 * Creates a prediction logger: each `log()` call is sampled (`sampleRate`), rate-limited
 * (`maxPerSecond`), filtered field by field (`drop` | `hash` with HMAC-SHA256 under `secret` | `keep`)
 * and written as one OpenTelemetry log record (event `ml.prediction`) to the given or global
 * LoggerProvider. Off by default; the id is hashed and raw features dropped unless kept explicitly.
 * See docs/security.md for policies and retention guidance.
 *
 * @throws TypeError / RangeError naming a bad option (never showing the secret).
 * @example
 * const predictionLog = createPredictionLogger({
 *   model: { name: 'fraud', version: '3' }, enabled: true, secret: process.env.PREDICTION_LOG_KEY,
 *   sampleRate: 0.01, features: { country: 'keep', email: 'hash' },
 * });
 * predictionLog.log({ id: requestId, features, prediction: 'fraud', score: 0.93 });
 */
export function createPredictionLogger(options: PredictionLoggerOptions): PredictionLogger {
  const resolved = resolvePredictionLoggerOptions(options);
  const stats: PredictionLoggerStats = { considered: 0, sampledOut: 0, rateLimited: 0, emitted: 0, failed: 0 };
  const diag = new RateLimitedDiag(resolved.now);
  if (!resolved.enabled) {
    return { enabled: false, log: () => undefined, stats: () => ({ ...stats }) };
  }
  const hash = resolved.secret === undefined ? () => '' : keyedHash(resolved.secret, resolved.hashLength);
  const bucket = new TokenBucket(resolved.maxPerSecond, resolved.now);
  const logger: Logger = resolved.loggerProvider.getLogger('@modelwatch/otel', VERSION);
  return {
    enabled: true,
    stats: () => ({ ...stats }),
    log: (input) => {
      try {
        stats.considered++;
        if (!(resolved.random() < resolved.sampleRate)) {
          stats.sampledOut++;
          return;
        }
        if (!bucket.take()) {
          stats.rateLimited++;
          return;
        }
        if (input === null || typeof input !== 'object') throw new TypeError(`expected an object, got ${input === null ? 'null' : typeof input}`);
        logger.emit({
          eventName: PREDICTION_LOG_EVENT,
          severityNumber: SeverityNumber.INFO,
          severityText: 'INFO',
          timestamp: timeOf(input.timestamp, resolved.now),
          attributes: buildAttributes(input, resolved, hash),
        });
        stats.emitted++;
      } catch (error) {
        stats.failed++;
        diag.warn('prediction-log', () => `prediction log record skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
