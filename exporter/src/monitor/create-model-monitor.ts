/**
 * `createModelMonitor`: the in-process model monitor. Wires the validated options, the window
 * state (hot path) and the OTel batch callback (statistics at collection time).
 */
import type { BatchObservableCallback } from '@opentelemetry/api';
import { VERSION } from '../version.js';
import { computeSnapshot } from './compute-snapshot.js';
import { createMonitorInstruments, observablesOf, observeSnapshot } from './monitor-instruments.js';
import { resolveMonitorOptions, type ModelMonitorOptions } from './monitor-options.js';
import type { MonitorSnapshot } from './monitor-snapshot.js';
import { MonitorSeries } from './monitor-series.js';
import { SeriesTracker } from './series-tracker.js';
import { MonitorState, type Observation, type ObservationColumns } from './monitor-state.js';

/** The instrumentation scope of every instrument the monitor creates. */
export const MONITOR_METER_NAME = '@modelwatch/otel';

/** A running model monitor. `observe` and `observeBatch` never throw and never block. */
export interface ModelMonitor {
  /** Records one inference. Bad values are counted as data-quality events and dropped; the rest is kept. */
  observe(observation: Observation): void;
  /** Records columns of inferences: profile column names plus optional `prediction`, `score`, `segment`, `timestamp`. */
  observeBatch(columns: ObservationColumns): void;
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
 * monitor.observe({ features: { age: 41, plan: 'pro' }, score: 0.82 });
 */
export function createModelMonitor(options: ModelMonitorOptions): ModelMonitor {
  const resolved = resolveMonitorOptions(options);
  const state = new MonitorState(resolved);
  const meter = resolved.meterProvider.getMeter(MONITOR_METER_NAME, VERSION);
  const instruments = createMonitorInstruments(meter);
  const observables = observablesOf(instruments);
  const series = new MonitorSeries(instruments, resolved.model);
  const tracker = new SeriesTracker();
  const callback: BatchObservableCallback = (result) => {
    try {
      observeSnapshot(result, series, computeSnapshot(state), tracker);
    } catch (error) {
      state.diag.warn('collect', () => `collection failed: ${String(error)}`);
    }
  };
  meter.addBatchObservableCallback(callback, observables);
  let running = true;
  return {
    observe: (observation) => {
      if (running) state.observe(observation);
    },
    observeBatch: (columns) => {
      if (running) state.observeBatch(columns);
    },
    snapshot: () => computeSnapshot(state),
    shutdown: () => {
      if (!running) return;
      running = false;
      try {
        meter.removeBatchObservableCallback(callback, observables);
      } catch (error) {
        state.diag.warn('shutdown', () => `removing the callback failed: ${String(error)}`);
      }
    },
  };
}
