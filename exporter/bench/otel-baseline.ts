/**
 * The plain OpenTelemetry baseline: the same 25 values per row recorded with
 * `Histogram.record(value, attributes)` into `@opentelemetry/sdk-metrics` histograms carrying the
 * model attributes (numeric features: one histogram each on the profile's bin edges; categorical
 * features: one histogram each, the category as an extra attribute). The reader is never
 * collected during the timing.
 */
import type { Attributes, Histogram } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Observation, ReferenceProfile } from '@modelwatch/otel';
import { MODEL_ATTRIBUTES } from './fixtures.js';
import { ManualReader } from './manual-reader.js';

interface CategoricalRecorder {
  name: string;
  histogram: Histogram;
  attributesByCategory: Map<string, Attributes>;
}

/** Records rows into plain sdk-metrics histograms, like a service instrumenting its features by hand. */
export class PlainOtelRecorder {
  readonly provider: MeterProvider;
  private readonly numeric: { name: string; histogram: Histogram }[] = [];
  private readonly categorical: CategoricalRecorder[] = [];

  constructor(profile: ReferenceProfile) {
    this.provider = new MeterProvider({ readers: [new ManualReader()] });
    const meter = this.provider.getMeter('bench-plain-otel');
    for (const name of profile.featureOrder) {
      const feature = profile.features[name];
      if (feature === undefined) continue;
      if (feature.kind === 'numeric') {
        this.numeric.push({ name, histogram: meter.createHistogram(`feature.${name}`, { advice: { explicitBucketBoundaries: [...feature.binEdges] } }) });
      } else {
        const attributesByCategory = new Map<string, Attributes>(feature.categories.map((entry) => [entry.value, { ...MODEL_ATTRIBUTES, 'ml.feature.value': entry.value }]));
        this.categorical.push({ name, histogram: meter.createHistogram(`feature.${name}`), attributesByCategory });
      }
    }
  }

  /** 25 `Histogram.record` calls for one row. */
  record(observation: Observation): void {
    const features = observation.features as Record<string, unknown>;
    for (const { name, histogram } of this.numeric) histogram.record(features[name] as number, MODEL_ATTRIBUTES);
    for (const { name, histogram, attributesByCategory } of this.categorical) {
      const value = features[name] as string;
      histogram.record(1, attributesByCategory.get(value) ?? { ...MODEL_ATTRIBUTES, 'ml.feature.value': value });
    }
  }
}
