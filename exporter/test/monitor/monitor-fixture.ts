/**
 * Shared fixture of the monitor tests: a reference profile built from seeded synthetic data, a
 * MeterProvider with a reader collected on demand (no network), and helpers to find data points.
 */
import { AggregationTemporality, InstrumentType, MeterProvider, MetricReader, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { buildProfile } from '../../src/profile/build-profile.js';
import type { ReferenceProfile } from '../../src/profile/schema.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';

/** A reader that exports nothing on its own: tests call `collect()`. */
export class TestReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

export const REFERENCE_SIZE = 5000;
export const COLOR_SHARES = { red: 0.5, green: 0.3, blue: 0.2 } as const;

/**
 * Reference columns: `x`, `y` ~ N(0, 1); `color` red/green/blue 50/30/20; `flag` boolean 50/50;
 * `label` (prediction, categorical a/b); `confidence` (score, N(0.7, 0.1)). Importances on x, y, color.
 */
export function referenceProfile(): ReferenceProfile {
  const flags = normalSample(REFERENCE_SIZE, 0, 1, 7).map((value) => value > 0);
  return buildProfile(
    {
      x: normalSample(REFERENCE_SIZE, 0, 1, 1),
      y: normalSample(REFERENCE_SIZE, 0, 1, 2),
      color: categoricalSample(REFERENCE_SIZE, COLOR_SHARES, 3),
      flag: flags,
      label: categoricalSample(REFERENCE_SIZE, { a: 0.6, b: 0.4 }, 4),
      confidence: normalSample(REFERENCE_SIZE, 0.7, 0.1, 5),
    },
    { prediction: 'label', score: 'confidence', importance: { x: 3, y: 1, color: 1, flag: 0 }, createdAt: '2026-11-26T00:00:00Z' },
  );
}

/** A provider with one TestReader; `deltaGauges` makes gauges delta (stale series vanish) and the rest cumulative. */
export function testMeterProvider(options: { deltaGauges?: boolean } = {}): { provider: MeterProvider; reader: TestReader } {
  const reader = new TestReader(
    options.deltaGauges === true
      ? { aggregationTemporalitySelector: (type) => (type === InstrumentType.OBSERVABLE_GAUGE ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE) }
      : {},
  );
  return { provider: new MeterProvider({ readers: [reader] }), reader };
}

/** Every metric of one collection, by name. */
export async function collectMetrics(reader: TestReader): Promise<Map<string, MetricData>> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new Error(`collection errors: ${errors.map(String).join('; ')}`);
  return metricsByName(resourceMetrics);
}

export function metricsByName(resourceMetrics: ResourceMetrics): Map<string, MetricData> {
  const byName = new Map<string, MetricData>();
  for (const scope of resourceMetrics.scopeMetrics) for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric);
  return byName;
}

/** The value of the single data point of `name` whose attributes include `match`; undefined when none. */
export function pointValue(metrics: Map<string, MetricData>, name: string, match: Readonly<Record<string, string | number>>): number | undefined {
  const metric = metrics.get(name);
  const points = (metric?.dataPoints ?? []).filter((point) => Object.entries(match).every(([key, value]) => point.attributes[key] === value));
  if (points.length > 1) throw new Error(`${points.length} points of ${name} match ${JSON.stringify(match)}`);
  return points[0]?.value as number | undefined;
}
