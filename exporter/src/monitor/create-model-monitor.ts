/**
 * `createModelMonitor`: the in-process model monitor. Wires the validated options, the window
 * state (hot path) and the collection (statistics at collection time), exported through a
 * `MonitorMetricProducer` when the provider has one (startModelwatch) or the `metricProducer`
 * option gives one, else through observable instruments and one batch callback.
 */
import type { BatchObservableCallback, Meter } from '@opentelemetry/api';
import { VERSION } from '../version.js';
import { computeSnapshot } from './compute-snapshot.js';
import { createLabelDelayHistogram, createMonitorInstruments, observablesOf, observeSnapshot } from './monitor-instruments.js';
import type { LabelCallOptions } from './performance-state.js';
import { resolveMonitorOptions, type ModelMonitorOptions } from './monitor-options.js';
import type { MonitorSnapshot } from './monitor-snapshot.js';
import { MonitorSeries } from './monitor-series.js';
import { SeriesTracker } from './series-tracker.js';
import type { MonitorMetricProducer } from './monitor-metric-producer.js';
import { createPrebuiltInstruments, nonEmptyMetrics, PrebuiltSeriesSink } from './prebuilt-metric.js';
import { MonitorState, type Observation, type ObservationColumns } from './monitor-state.js';
import { MONITOR_ATTRIBUTES } from './metric-names.js';

/** The instrumentation scope of every instrument the monitor creates. */
export const MONITOR_METER_NAME = '@modelwatch/otel';

/** A running model monitor. `observe` and `observeBatch` never throw and never block. */
export interface ModelMonitor {
  /** Records one inference. Bad values are counted as data-quality events and dropped; the rest is kept. */
  observe(observation: Observation): void;
  /** Records columns of inferences: profile column names plus optional `prediction`, `score`, `segment`, `timestamp`. */
  observeBatch(columns: ObservationColumns): void;
  /**
   * Joins ground truth with the prediction observed under the same `id` (string, finite number or
   * W3C trace id). Never throws; the outcome is counted in `ml.labels` (joined, duplicate,
   * unknown_id, too_late, invalid). `timestamp`: when the label became known (default now).
   */
  label(id: string | number, actual: unknown, options?: LabelCallOptions): void;
  /** The values the gauges would export now, as plain data. */
  snapshot(): MonitorSnapshot;
  /** Removes the observable callback; later observations are ignored. Idempotent. */
  shutdown(): void;
}

/**
 * Creates a model monitor: sliding-window accumulators aligned to the reference profile's bins,
 * and OTel gauges/counters (names in `MONITOR_METRICS`, documented in docs/metrics.md) computed at
 * collection time with the default drift policy (`chooseDriftMethod`) or the per-feature overrides.
 *
 * @throws TypeError naming the bad option and its value; ProfileError for an invalid profile.
 * @example
 * const monitor = createModelMonitor({ model: { name: 'churn', version: '3' }, reference: await loadProfile('./profile.json') });
 * monitor.observe({ features: { age: 41, plan: 'pro' }, score: 0.82, id: requestId });
 * // later, when the truth is known:
 * monitor.label(requestId, 1);
 */
export function createModelMonitor(options: ModelMonitorOptions): ModelMonitor {
  const resolved = resolveMonitorOptions(options);
  const meter = resolved.meterProvider.getMeter(MONITOR_METER_NAME, VERSION);
  const logger = resolved.loggerProvider.getLogger(MONITOR_METER_NAME, VERSION);
  const delay = createLabelDelayHistogram(meter);
  const modelAttributes = { [MONITOR_ATTRIBUTES.modelName]: resolved.model.name, [MONITOR_ATTRIBUTES.modelVersion]: resolved.model.version };
  const state = new MonitorState(resolved, logger, (seconds) => delay.record(seconds, modelAttributes));
  const producer = resolved.metricProducer;
  const collection = producer === undefined ? collectThroughInstruments(meter, state) : collectThroughProducer(producer, state);
  let running = true;
  return {
    observe: (observation) => {
      if (running) state.observe(observation);
    },
    observeBatch: (columns) => {
      if (running) state.observeBatch(columns);
    },
    label: (id, actual, labelOptions) => {
      if (running) state.performance.label(id, actual, labelOptions, state.safeNow());
    },
    snapshot: () => computeSnapshot(state),
    shutdown: () => {
      if (!running) return;
      running = false;
      try {
        collection.stop();
      } catch (error) {
        state.diag.warn('shutdown', () => `removing the callback failed: ${String(error)}`);
      }
    },
  };
}

/** How the monitor's values reach the readers; `stop()` ends the updates (exported values stay frozen, as cumulative SDK streams do). */
interface Collection {
  stop(): void;
}

/** Observable instruments and one batch callback (any `MeterProvider`). */
function collectThroughInstruments(meter: Meter, state: MonitorState): Collection {
  const instruments = createMonitorInstruments(meter);
  const observables = observablesOf(instruments);
  const series = new MonitorSeries(instruments, state.options.model);
  const tracker = new SeriesTracker();
  const callback: BatchObservableCallback = (result) => {
    try {
      observeSnapshot(result, series, computeSnapshot(state), tracker);
    } catch (error) {
      state.diag.warn('collect', () => `collection failed: ${String(error)}`);
    }
  };
  meter.addBatchObservableCallback(callback, observables);
  return { stop: () => meter.removeBatchObservableCallback(callback, observables) };
}

/**
 * Pre-built metric data collected by the `MonitorMetricProducer` of a `startModelwatch` provider:
 * the same series without the SDK's per-point cost (see prebuilt-metric.ts).
 */
function collectThroughProducer(producer: MonitorMetricProducer, state: MonitorState): Collection {
  const instruments = createPrebuiltInstruments();
  const series = new MonitorSeries(instruments, state.options.model);
  const tracker = new SeriesTracker();
  let updating = true;
  producer.register({
    collect: (now) => {
      if (updating) {
        try {
          observeSnapshot(new PrebuiltSeriesSink(now), series, computeSnapshot(state), tracker);
        } catch (error) {
          state.diag.warn('collect', () => `collection failed: ${String(error)}`);
        }
      }
      return nonEmptyMetrics(instruments, now);
    },
  });
  return {
    stop: () => {
      updating = false;
    },
  };
}
