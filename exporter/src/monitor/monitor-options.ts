/**
 * Options of `createModelMonitor`, their defaults and their validation (zod). A bad option throws
 * a TypeError naming the field and the value; nothing is validated on the hot path afterwards.
 */
import { metrics, type MeterProvider } from '@opentelemetry/api';
import { logs, type LoggerProvider } from '@opentelemetry/api-logs';
import { z } from 'zod';
import type { DriftMethod } from '../drift/methods.js';
import { validateDriftMethodOverride, type DriftMethodOverride } from '../profile/drift-method.js';
import { parseProfile } from '../profile/load-profile.js';
import { MonitorMetricProducer, monitorMetricProducerOf } from './monitor-metric-producer.js';
import type { ReferenceProfile } from '../profile/schema.js';
import { valueAt } from '../util/value-at-path.js';
import { performanceOptionShapes, resolvePerformanceOptions, type DetectorOptions, type FairnessOptions, type LabelOptions, type PerformanceOptions, type ResolvedPerformanceOptions } from './performance-options.js';

/** A sliding time window of `durationMs` made of `slices` sub-windows (default 1 h as 12 × 5 min). */
export interface TimeWindowOptions {
  durationMs?: number;
  slices?: number;
}

/** A window over the last `count` observations, made of `slices` sub-windows (default 10). */
export interface CountWindowOptions {
  count: number;
  slices?: number;
}

/** Options of `createModelMonitor`. */
export interface ModelMonitorOptions {
  model: { name: string; version: string };
  /** A reference profile (as `loadProfile` returns it); validated again here. */
  reference: ReferenceProfile;
  /** Default: the global MeterProvider of `@opentelemetry/api`. */
  meterProvider?: MeterProvider;
  /**
   * Export the monitor's gauges and counters through this producer (pre-built data points, about 3 µs less
   * per changed value at collection) instead of observable instruments. It must be in the `metricProducers`
   * of the readers of `meterProvider`. Default: the producer `startModelwatch` attached to its provider,
   * else none (observable instruments on `meterProvider`).
   * @example
   * const metricProducer = new MonitorMetricProducer();
   * const meterProvider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter, metricProducers: [metricProducer] })] });
   * createModelMonitor({ model, reference, meterProvider, metricProducer });
   */
  metricProducer?: MonitorMetricProducer;
  window?: TimeWindowOptions | CountWindowOptions;
  /** Per-feature method / threshold overrides; names must be profile columns. */
  features?: Readonly<Record<string, { method?: DriftMethod; threshold?: number }>>;
  thresholds?: { datasetDriftShare?: number };
  /** Fewer usable values than this in the window: the feature's drift gauges are skipped (default 30). */
  minSamples?: number;
  /** Bounded segment values for the `ml.segment` attribute: an allowlist, or the first `cap` values seen (default 20). */
  segments?: { attribute: string; allowlist?: readonly string[]; cap?: number };
  /** Strings longer than this are dropped as `oversized_string` (default 256). */
  maxStringLength?: number;
  /** Clock in ms since the epoch (default `Date.now`); injectable for tests. */
  now?: () => number;
  /** Delayed labels joined by `monitor.label(id, actual)`: TTL and cap of the pending store. */
  labels?: LabelOptions;
  /** Realised performance: task, positive class, pinball quantiles. */
  performance?: PerformanceOptions;
  /** Concept-drift detectors on the error and score streams. */
  detectors?: DetectorOptions;
  /** Group fairness over protected attributes. */
  fairness?: FairnessOptions;
  /** Where concept-drift log records go (default: the global LoggerProvider of `@opentelemetry/api-logs`). */
  loggerProvider?: LoggerProvider;
}

/** Window settings with defaults filled in. @internal */
export type ResolvedWindow = { kind: 'time'; durationMs: number; slices: number; sliceMs: number } | { kind: 'count'; count: number; slices: number; sliceCapacity: number };

/** Options with defaults filled in. @internal */
export interface ResolvedMonitorOptions {
  model: { name: string; version: string };
  reference: ReferenceProfile;
  meterProvider: MeterProvider;
  /** Set: series are exported through it rather than through observable instruments. */
  metricProducer: MonitorMetricProducer | undefined;
  window: ResolvedWindow;
  overrides: ReadonlyMap<string, DriftMethodOverride>;
  datasetDriftShare: number;
  minSamples: number;
  segments: { attribute: string; allowlist: ReadonlySet<string> | undefined; cap: number } | undefined;
  maxStringLength: number;
  now: () => number;
  performance: ResolvedPerformanceOptions;
  loggerProvider: LoggerProvider;
}

export const MONITOR_DEFAULTS = {
  durationMs: 3_600_000,
  timeSlices: 12,
  countSlices: 10,
  datasetDriftShare: 0.5,
  minSamples: 30,
  segmentCap: 20,
  maxStringLength: 256,
} as const;

const positiveInt = z.number().int().positive();
const nonEmpty = z.string().min(1);

const optionsSchema = z.object({
  model: z.object({ name: nonEmpty, version: nonEmpty }).strict(),
  reference: z.unknown(),
  meterProvider: z.custom<MeterProvider>((value) => typeof (value as { getMeter?: unknown } | null)?.getMeter === 'function', 'must be a MeterProvider (an object with getMeter())').optional(),
  metricProducer: z.custom<MonitorMetricProducer>((value) => value instanceof MonitorMetricProducer, 'must be a MonitorMetricProducer (new MonitorMetricProducer())').optional(),
  window: z
    .union([
      z.object({ count: positiveInt, slices: positiveInt.max(1000).optional() }).strict(),
      z.object({ durationMs: positiveInt.optional(), slices: positiveInt.max(1000).optional() }).strict(),
    ])
    .optional(),
  features: z.record(z.string(), z.object({ method: z.string().optional(), threshold: z.number().optional() }).strict()).optional(),
  thresholds: z.object({ datasetDriftShare: z.number().gt(0).lte(1).optional() }).strict().optional(),
  minSamples: positiveInt.optional(),
  segments: z.object({ attribute: nonEmpty, allowlist: z.array(z.string()).optional(), cap: positiveInt.max(10_000).optional() }).strict().optional(),
  maxStringLength: positiveInt.optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', 'must be a function returning ms since the epoch').optional(),
  ...performanceOptionShapes,
  loggerProvider: z.custom<LoggerProvider>((value) => typeof (value as { getLogger?: unknown } | null)?.getLogger === 'function', 'must be a LoggerProvider (an object with getLogger())').optional(),
}).strict();

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function resolveWindow(window: z.infer<typeof optionsSchema>['window']): ResolvedWindow {
  if (window !== undefined && 'count' in window) {
    const slices = Math.min(window.slices ?? MONITOR_DEFAULTS.countSlices, window.count);
    return { kind: 'count', count: window.count, slices, sliceCapacity: Math.ceil(window.count / slices) };
  }
  const durationMs = window?.durationMs ?? MONITOR_DEFAULTS.durationMs;
  const slices = window?.slices ?? MONITOR_DEFAULTS.timeSlices;
  const sliceMs = durationMs / slices;
  if (!(sliceMs >= 1)) throw new TypeError(`createModelMonitor: options.window.slices (${slices}) must leave slices of at least 1 ms of durationMs (${durationMs})`);
  return { kind: 'time', durationMs, slices, sliceMs };
}

function resolveOverrides(features: Record<string, { method?: string; threshold?: number }> | undefined, reference: ReferenceProfile): Map<string, DriftMethodOverride> {
  const overrides = new Map<string, DriftMethodOverride>();
  for (const [name, override] of Object.entries(features ?? {})) {
    const feature = Object.hasOwn(reference.features, name) ? reference.features[name] : undefined;
    if (feature === undefined) {
      throw new TypeError(`createModelMonitor: options.features.${name} names no column of the reference profile (columns: ${reference.featureOrder.join(', ')})`);
    }
    overrides.set(name, validateDriftMethodOverride(override, feature.kind, `createModelMonitor: options.features.${name}`));
  }
  return overrides;
}

/**
 * Validates `createModelMonitor` options and fills in the defaults. @internal
 *
 * @throws TypeError naming the bad field and its value; ProfileError for an invalid reference;
 *   RangeError for a drift override that does not fit its feature.
 */
export function resolveMonitorOptions(options: unknown): ResolvedMonitorOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`createModelMonitor: options must be an object; got ${describe(options)}`);
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const field = ['options', ...path.map(String)].join('.');
    const unknownKeys = issue?.code === 'unrecognized_keys' ? ` (unknown: ${issue.keys.join(', ')})` : '';
    throw new TypeError(`createModelMonitor: ${field} ${issue?.message ?? 'is invalid'}${unknownKeys}; got ${describe(valueAt(options, path))}`);
  }
  const value = parsed.data;
  const reference = parseProfile(value.reference);
  const meterProvider = value.meterProvider ?? metrics.getMeterProvider();
  const segments = value.segments === undefined ? undefined : {
    attribute: value.segments.attribute,
    allowlist: value.segments.allowlist === undefined ? undefined : new Set(value.segments.allowlist),
    cap: value.segments.cap ?? value.segments.allowlist?.length ?? MONITOR_DEFAULTS.segmentCap,
  };
  return {
    model: value.model,
    reference,
    meterProvider,
    metricProducer: value.metricProducer ?? monitorMetricProducerOf(meterProvider),
    window: resolveWindow(value.window),
    overrides: resolveOverrides(value.features, reference),
    datasetDriftShare: value.thresholds?.datasetDriftShare ?? MONITOR_DEFAULTS.datasetDriftShare,
    minSamples: value.minSamples ?? MONITOR_DEFAULTS.minSamples,
    segments,
    maxStringLength: value.maxStringLength ?? MONITOR_DEFAULTS.maxStringLength,
    now: value.now ?? Date.now,
    performance: resolvePerformanceOptions(value, reference),
    loggerProvider: value.loggerProvider ?? logs.getLoggerProvider(),
  };
}
