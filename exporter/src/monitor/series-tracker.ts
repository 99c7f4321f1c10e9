/**
 * Retires gauge series that stop being observed. The OTel JS SDK keeps reporting, under cumulative
 * temporality (the default, and the only choice of exporter-prometheus), the last value of every
 * attribute set an observable gauge ever reported, even after the callback stops observing it
 * (sdk-metrics `TemporalMetricProcessor` merges with the last accumulation). So a drift score of a
 * method the policy no longer picks, or of a feature whose window emptied, would stay frozen.
 * This tracker remembers the gauge series of the previous collection and observes NaN once for
 * each one that is gone: the series then reads NaN ("no current value") instead of a stale number.
 * Memory: the series of one collection. @internal
 */
import type { Attributes, BatchObservableResult, Observable } from '@opentelemetry/api';

interface Series {
  instrument: Observable;
  attributes: Attributes;
}

export class SeriesTracker {
  private previous = new Map<string, Series>();
  private current = new Map<string, Series>();

  /** Observes a gauge value and remembers its series. */
  observe(result: BatchObservableResult, instrument: Observable, name: string, value: number, attributes: Attributes): void {
    result.observe(instrument, value, attributes);
    this.current.set(`${name}\u0000${JSON.stringify(attributes)}`, { instrument, attributes });
  }

  /** Observes NaN for every series of the previous collection not observed in this one, then starts the next. */
  finish(result: BatchObservableResult): void {
    for (const [key, series] of this.previous) {
      if (!this.current.has(key)) result.observe(series.instrument, Number.NaN, series.attributes);
    }
    this.previous = this.current;
    this.current = new Map();
  }
}
