/**
 * Every series the monitor exports, built once with its attribute object (the model attributes,
 * the column, the bin, the check, …) and reused at every collection: no attribute object, key
 * string or closure per data point. Columns are set up at their first collection and drift series
 * per method when the method is first used, so the catalog holds only series that were exported.
 * Bounded: columns of the profile × (quality, bins, drift methods), segments by the segment
 * limiter's cap, fixed lists for checks and drop reasons; the performance series are in
 * `PerformanceSeries`. @internal
 */
import type { Attributes, Observable } from '@opentelemetry/api';
import { DROP_REASONS, MONITOR_ATTRIBUTES as A, QUALITY_EVENT_CHECKS, UNKNOWN_FEATURE, type DropReason } from './metric-names.js';
import type { MonitorInstruments } from './monitor-instruments.js';
import { PerformanceSeries } from './performance-series.js';
import { Series } from './series-tracker.js';

const gauge = (instrument: Observable, attributes: Attributes): Series => new Series(instrument, attributes, true);
const counter = (instrument: Observable, attributes: Attributes): Series => new Series(instrument, attributes, false);

/** The drift gauges of one column under one method. */
export class DriftSeries {
  readonly score: Series;
  readonly pValue: Series;
  readonly threshold: Series;
  readonly detected: Series;
  private readonly effectSizes = new Map<string, Series>();

  constructor(private readonly instruments: MonitorInstruments, private readonly attributes: Attributes, prediction: boolean) {
    this.score = gauge(prediction ? instruments.predictionDriftScore : instruments.featureDriftScore, attributes);
    this.pValue = gauge(prediction ? instruments.predictionDriftPValue : instruments.featureDriftPValue, attributes);
    this.threshold = gauge(prediction ? instruments.predictionDriftThreshold : instruments.featureDriftThreshold, attributes);
    this.detected = gauge(prediction ? instruments.predictionDriftDetected : instruments.featureDriftDetected, attributes);
  }

  /** The effect-size gauge for `measure` (feature columns only). */
  effectSize(measure: string): Series {
    let series = this.effectSizes.get(measure);
    if (series === undefined) {
      series = gauge(this.instruments.featureDriftEffectSize, { ...this.attributes, [A.effectSizeMeasure]: measure });
      this.effectSizes.set(measure, series);
    }
    return series;
  }
}

/** The series of one monitored column. */
export class ColumnSeries {
  readonly missingRatio: Series;
  readonly typeErrorRatio: Series;
  readonly outOfRangeRatio: Series;
  readonly unseenCategoryRatio: Series;
  readonly windowSamples: Series;
  /** `ml.quality.events` per check, indexed like QUALITY_EVENT_CHECKS (undefined for unknown_feature). */
  readonly qualityEvents: readonly (Series | undefined)[];
  /** `ml.feature.bin.observations` per bin. */
  readonly binObservations: readonly Series[];
  /** `ml.feature.bin.reference_fraction` per bin. */
  readonly binReferenceFractions: readonly Series[];
  private readonly drifts = new Map<string, DriftSeries>();
  private readonly attributes: Attributes;

  constructor(private readonly instruments: MonitorInstruments, model: Attributes, name: string, readonly prediction: boolean, binCount: number) {
    const attributes = { ...model, [A.featureName]: name };
    this.attributes = attributes;
    this.missingRatio = gauge(instruments.missingRatio, attributes);
    this.typeErrorRatio = gauge(instruments.typeErrorRatio, attributes);
    this.outOfRangeRatio = gauge(instruments.outOfRangeRatio, attributes);
    this.unseenCategoryRatio = gauge(instruments.unseenCategoryRatio, attributes);
    this.windowSamples = gauge(instruments.featureWindowSamples, attributes);
    this.qualityEvents = QUALITY_EVENT_CHECKS.map((check) => (check === 'unknown_feature' ? undefined : counter(instruments.qualityEvents, { ...attributes, [A.qualityCheck]: check })));
    const bins = Array.from({ length: binCount }, (_, index) => ({ ...attributes, [A.binIndex]: index }));
    this.binObservations = bins.map((bin) => counter(instruments.binObservations, bin));
    this.binReferenceFractions = bins.map((bin) => gauge(instruments.binReferenceFraction, bin));
  }

  /** The drift gauges under `method`. */
  drift(method: string): DriftSeries {
    let series = this.drifts.get(method);
    if (series === undefined) {
      series = new DriftSeries(this.instruments, { ...this.attributes, [A.driftMethod]: method }, this.prediction);
      this.drifts.set(method, series);
    }
    return series;
  }
}

/** Every series of one monitor. */
export class MonitorSeries {
  readonly datasetDriftShare: Series;
  readonly datasetDriftDetected: Series;
  readonly datasetDriftWeightedShare: Series;
  readonly predictionScoreMean: Series;
  readonly windowSamples: Series;
  readonly unknownFeatureEvents: Series;
  readonly segmentOverflow: Series;
  /** `ml.observations.dropped`, indexed like DROP_REASONS. */
  readonly dropped: readonly Series[];
  /** Delayed labels, performance, CBPE, concept drift and fairness. */
  readonly performance: PerformanceSeries;
  private readonly model: Attributes;
  private readonly columns = new Map<string, ColumnSeries>();
  private readonly segments = new Map<string, Series>();

  constructor(private readonly instruments: MonitorInstruments, model: { name: string; version: string }) {
    const attributes = { [A.modelName]: model.name, [A.modelVersion]: model.version };
    this.model = attributes;
    this.datasetDriftShare = gauge(instruments.datasetDriftShare, attributes);
    this.datasetDriftDetected = gauge(instruments.datasetDriftDetected, attributes);
    this.datasetDriftWeightedShare = gauge(instruments.datasetDriftWeightedShare, attributes);
    this.predictionScoreMean = gauge(instruments.predictionScoreMean, attributes);
    this.windowSamples = gauge(instruments.windowSamples, attributes);
    this.unknownFeatureEvents = counter(instruments.qualityEvents, { ...attributes, [A.featureName]: UNKNOWN_FEATURE, [A.qualityCheck]: 'unknown_feature' });
    this.segmentOverflow = counter(instruments.attributeOverflow, { ...attributes, [A.overflowAttribute]: A.segment });
    this.dropped = DROP_REASONS.map((reason: DropReason) => counter(instruments.observationsDropped, { ...attributes, [A.dropReason]: reason }));
    this.performance = new PerformanceSeries(instruments, attributes);
  }

  /** The series of the column `name` (`prediction`: a prediction/score column; `binCount`: its reference bins). */
  column(name: string, prediction: boolean, binCount: number): ColumnSeries {
    let series = this.columns.get(name);
    if (series === undefined) {
      series = new ColumnSeries(this.instruments, this.model, name, prediction, binCount);
      this.columns.set(name, series);
    }
    return series;
  }

  /** `ml.observations` for one bounded segment value. */
  segment(value: string): Series {
    let series = this.segments.get(value);
    if (series === undefined) {
      series = counter(this.instruments.observations, { ...this.model, [A.segment]: value });
      this.segments.set(value, series);
    }
    return series;
  }
}
