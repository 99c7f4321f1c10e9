/**
 * Hands data points to the OTel SDK at collection time, and only the ones that say something new.
 *
 * Under cumulative temporality (the only one modelwatch supports: exporter-prometheus has no
 * other, vmagent drops delta sums, `startModelwatch` forces it) sdk-metrics re-exports, at every
 * collection, the last value of every attribute set an observable instrument ever reported, even
 * when the callback did not observe it this time (`TemporalMetricProcessor` merges with the last
 * accumulation; checked in test/monitor/collection-reexport.test.ts). Two consequences:
 * - a series whose value did not change since the last collection need not be observed again: the
 *   SDK exports the same value (that skips most of the SDK's per-point cost: hashing the
 *   attributes, three hash maps, an accumulation object);
 * - a gauge the monitor stops computing (a drift method the policy no longer picks, a window that
 *   emptied) would stay frozen: it is observed once as NaN ("no current value") instead.
 *
 * `Series` objects are created once (attributes included) and reused at every collection.
 * Memory: one entry per gauge series alive in the last collection. @internal
 */
import type { Attributes, Observable } from '@opentelemetry/api';

/**
 * Where written values go: the SDK's `BatchObservableResult` (observable instruments) or
 * `PrebuiltSeriesSink` (pre-built metric data handed to the reader by a `MetricProducer`).
 */
export interface SeriesSink {
  observe(instrument: Observable, value: number, attributes?: Attributes): void;
}

/** One exported series: an instrument and a fixed attribute object, with the value last handed to the SDK. */
export class Series {
  /** The value last observed (NaN once retired). */
  value = Number.NaN;
  /** Observed at least once: later collections may skip it while the value stays the same. */
  exported = false;
  /** The collection that last wrote it. */
  writtenIn = 0;

  /** `gauge`: retired as NaN when a collection does not write it; counters never are. */
  constructor(readonly instrument: Observable, readonly attributes: Attributes, readonly gauge: boolean) {}
}

export class SeriesTracker {
  private collection = 0;
  /** Gauges written in the previous collection (and not retired). */
  private live: Series[] = [];
  /** Gauges written in the current collection. */
  private written: Series[] = [];

  /** Starts a collection. */
  begin(): void {
    this.collection++;
  }

  /** Writes `value` into `series`: observed unless it is the value the SDK already holds. */
  write(result: SeriesSink, series: Series, value: number): void {
    if (series.gauge && series.writtenIn !== this.collection) this.written.push(series);
    series.writtenIn = this.collection;
    if (series.exported && series.value === value) return;
    result.observe(series.instrument, value, series.attributes);
    series.value = value;
    series.exported = true;
  }

  /** Observes NaN for every gauge of the previous collection not written in this one, then ends the collection. */
  finish(result: SeriesSink): void {
    for (const series of this.live) {
      if (series.writtenIn === this.collection || Number.isNaN(series.value)) continue;
      result.observe(series.instrument, Number.NaN, series.attributes);
      series.value = Number.NaN;
    }
    const live = this.live;
    this.live = this.written;
    this.written = live;
    this.written.length = 0;
  }
}
