/**
 * The prebuilt series of delayed labels, performance, CBPE, concept drift and fairness (the
 * counterpart of `MonitorSeries` for `PerformanceSnapshot`). Each series is built on first use with
 * its attribute object and reused at every later collection, so `SeriesTracker.write` can skip the
 * values the SDK already holds. Bounded: segments by the segment limiter (cap + 2 values), fairness
 * groups by the fairness cap (+ overflow), metric names, quantiles, detectors and streams by the
 * configuration, outcomes and eviction reasons by fixed lists. @internal
 */
import type { Attributes, Observable } from '@opentelemetry/api';
import { EVICTION_REASONS, LABEL_OUTCOMES, MONITOR_ATTRIBUTES as A } from './metric-names.js';
import type { MonitorInstruments } from './monitor-instruments.js';
import { Series } from './series-tracker.js';

type InstrumentKey = keyof MonitorInstruments;

/** A lazily filled map of series keyed by one attribute value. */
class SeriesByKey {
  private readonly series = new Map<string, Series>();

  /** @param build makes the series of a key the first time it is asked for */
  constructor(private readonly build: (key: string) => Series) {}

  get(key: string): Series {
    let series = this.series.get(key);
    if (series === undefined) {
      series = this.build(key);
      this.series.set(key, series);
    }
    return series;
  }
}

/** Looks up `key` in `map`, creating its entry with `create` the first time. */
function cached<T>(map: Map<string, T>, key: string, create: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const gauge = (instrument: Observable, attributes: Attributes): Series => new Series(instrument, attributes, true);
const counter = (instrument: Observable, attributes: Attributes): Series => new Series(instrument, attributes, false);

/** Realised metric name (`ml.performance.metric` value) → instrument and `ml.performance.average` (when averaged). */
export const REALISED_METRICS: Readonly<Record<string, { instrument: InstrumentKey; average?: string }>> = {
  accuracy: { instrument: 'performanceAccuracy' },
  precision: { instrument: 'performancePrecision', average: 'binary' },
  recall: { instrument: 'performanceRecall', average: 'binary' },
  f1: { instrument: 'performanceF1', average: 'binary' },
  precision_macro: { instrument: 'performancePrecision', average: 'macro' },
  recall_macro: { instrument: 'performanceRecall', average: 'macro' },
  f1_macro: { instrument: 'performanceF1', average: 'macro' },
  precision_weighted: { instrument: 'performancePrecision', average: 'weighted' },
  recall_weighted: { instrument: 'performanceRecall', average: 'weighted' },
  f1_weighted: { instrument: 'performanceF1', average: 'weighted' },
  roc_auc: { instrument: 'performanceRocAuc' },
  log_loss: { instrument: 'performanceLogLoss' },
  brier: { instrument: 'performanceBrier' },
  mae: { instrument: 'performanceMae' },
  rmse: { instrument: 'performanceRmse' },
  mape: { instrument: 'performanceMape' },
  r2: { instrument: 'performanceR2' },
};

/** Estimated (CBPE) metric name → instrument. */
export const ESTIMATED_METRIC_INSTRUMENTS: Readonly<Record<string, InstrumentKey>> = {
  accuracy: 'estimatedAccuracy',
  precision: 'estimatedPrecision',
  recall: 'estimatedRecall',
  f1: 'estimatedF1',
  roc_auc: 'estimatedRocAuc',
};

/** The series of one `ml.segment` value ('' = the whole model). */
export class SegmentPerformanceSeries {
  readonly coverage: Series;
  readonly samples: Series;
  /** Realised metrics by metric name; undefined for a name the contract has no instrument for. */
  readonly realised: (metric: string) => Series | undefined;
  readonly pinballLoss: SeriesByKey;
  readonly degradation: SeriesByKey;
  readonly samplingError: SeriesByKey;
  readonly estimated: (metric: string) => Series | undefined;
  readonly estimatedDegradation: SeriesByKey;
  readonly estimatedSamplingError: SeriesByKey;

  constructor(instruments: MonitorInstruments, attributes: Attributes) {
    this.coverage = gauge(instruments.labelCoverage, attributes);
    this.samples = gauge(instruments.performanceSamples, attributes);
    const realised = new Map<string, Series>();
    this.realised = (metric) => {
      const target = Object.hasOwn(REALISED_METRICS, metric) ? REALISED_METRICS[metric] : undefined;
      if (target === undefined) return undefined;
      return cached(realised, metric, () => gauge(instruments[target.instrument], target.average === undefined ? attributes : { ...attributes, [A.performanceAverage]: target.average }));
    };
    const estimated = new Map<string, Series>();
    this.estimated = (metric) => {
      const instrument = Object.hasOwn(ESTIMATED_METRIC_INSTRUMENTS, metric) ? ESTIMATED_METRIC_INSTRUMENTS[metric] : undefined;
      return instrument === undefined ? undefined : cached(estimated, metric, () => gauge(instruments[instrument], attributes));
    };
    const perMetric = (instrument: Observable): SeriesByKey => new SeriesByKey((metric) => gauge(instrument, { ...attributes, [A.performanceMetric]: metric }));
    this.pinballLoss = new SeriesByKey((quantile) => gauge(instruments.performancePinballLoss, { ...attributes, [A.quantile]: quantile }));
    this.degradation = perMetric(instruments.performanceDegradation);
    this.samplingError = perMetric(instruments.performanceSamplingError);
    this.estimatedDegradation = perMetric(instruments.estimatedDegradation);
    this.estimatedSamplingError = perMetric(instruments.estimatedSamplingError);
  }
}

/** The series of one concept-drift detector on one stream. */
export interface ConceptSeries {
  readonly detections: Series;
  readonly state: Series;
}

/** The gauges of one fairness group. */
export interface FairnessGroupSeries {
  readonly samples: Series;
  readonly selectionRate: Series;
  readonly truePositiveRate: Series;
  readonly falsePositiveRate: Series;
}

/** The series of one protected attribute: its groups and the differences between them. */
export class FairnessAttributeSeries {
  readonly demographicParityDifference: Series;
  readonly disparateImpactRatio: Series;
  readonly equalOpportunityDifference: Series;
  readonly equalizedOddsDifference: Series;
  private readonly groups = new Map<string, FairnessGroupSeries>();

  constructor(private readonly instruments: MonitorInstruments, private readonly attributes: Attributes) {
    this.demographicParityDifference = gauge(instruments.fairnessDemographicParityDifference, attributes);
    this.disparateImpactRatio = gauge(instruments.fairnessDisparateImpactRatio, attributes);
    this.equalOpportunityDifference = gauge(instruments.fairnessEqualOpportunityDifference, attributes);
    this.equalizedOddsDifference = gauge(instruments.fairnessEqualizedOddsDifference, attributes);
  }

  /** The gauges of one (bounded) group value. */
  group(value: string): FairnessGroupSeries {
    return cached(this.groups, value, () => {
      const attributes = { ...this.attributes, [A.fairnessGroup]: value };
      return {
        samples: gauge(this.instruments.fairnessGroupSamples, attributes),
        selectionRate: gauge(this.instruments.fairnessSelectionRate, attributes),
        truePositiveRate: gauge(this.instruments.fairnessTruePositiveRate, attributes),
        falsePositiveRate: gauge(this.instruments.fairnessFalsePositiveRate, attributes),
      };
    });
  }
}

/** Every performance series of one monitor. */
export class PerformanceSeries {
  /** `ml.labels`, indexed like LABEL_OUTCOMES. */
  readonly labels: readonly Series[];
  /** `ml.predictions.evicted`, indexed like EVICTION_REASONS. */
  readonly evicted: readonly Series[];
  readonly labelsPending: Series;
  readonly baseline: SeriesByKey;
  private readonly segments = new Map<string, SegmentPerformanceSeries>();
  private readonly concepts = new Map<string, ConceptSeries>();
  private readonly fairnessAttributes = new Map<string, FairnessAttributeSeries>();

  constructor(private readonly instruments: MonitorInstruments, private readonly model: Attributes) {
    this.labels = LABEL_OUTCOMES.map((outcome) => counter(instruments.labels, { ...model, [A.labelOutcome]: outcome }));
    this.evicted = EVICTION_REASONS.map((reason) => counter(instruments.predictionsEvicted, { ...model, [A.evictionReason]: reason }));
    this.labelsPending = gauge(instruments.labelsPending, model);
    this.baseline = new SeriesByKey((metric) => gauge(instruments.performanceBaseline, { ...model, [A.performanceMetric]: metric }));
  }

  /** The series of one bounded segment value. */
  segment(value: string): SegmentPerformanceSeries {
    return cached(this.segments, value, () => new SegmentPerformanceSeries(this.instruments, { ...this.model, [A.segment]: value }));
  }

  /** The series of `detector` on `stream`. */
  concept(detector: string, stream: string): ConceptSeries {
    return cached(this.concepts, `${detector}\u0000${stream}`, () => {
      const attributes = { ...this.model, [A.conceptDetector]: detector, [A.conceptStream]: stream };
      return { detections: counter(this.instruments.conceptDetections, attributes), state: gauge(this.instruments.conceptState, attributes) };
    });
  }

  /** The series of one protected attribute. */
  fairness(attribute: string): FairnessAttributeSeries {
    return cached(this.fairnessAttributes, attribute, () => new FairnessAttributeSeries(this.instruments, { ...this.model, [A.fairnessAttribute]: attribute }));
  }
}
