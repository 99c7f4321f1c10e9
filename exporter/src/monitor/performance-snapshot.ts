/**
 * Delayed labels, performance, CBPE, concept drift and fairness as plain data (part of
 * `MonitorSnapshot`). Metric keys are the `ml.performance.metric` values of the contract.
 */
import type { ConceptDetectorSnapshot } from './concept-streams.js';
import type { EvictionReason, LabelOutcome } from './metric-names.js';
import type { PerformanceTask } from './performance-options.js';

/**
 * One segment's window. Metric records hold only finite values. Segment `''` is the whole model
 * (every observation, whatever its segment value); the other entries are the seen segment values.
 */
export interface SegmentPerformanceSnapshot {
  segment: string;
  /** Labelled rows in the window (by label arrival). */
  samples: number;
  /** Predictions with an id made in the window, and how many got their label; coverage = labelled / predictions (null without any). */
  predictionsWithId: number;
  labelled: number;
  coverage: number | null;
  /** Realised metrics by `ml.performance.metric` name (accuracy, precision, f1_macro, roc_auc, mae, …). */
  metrics: Record<string, number>;
  /** Standard error of each realised metric over the window (sampling error; metrics where it is defined). */
  samplingError: Record<string, number>;
  /** Regression: mean pinball loss per quantile (key `String(α)`). */
  pinballLoss: Record<string, number>;
  /** Relative degradation vs the baseline, positive = worse, per metric with a baseline. */
  degradation: Record<string, number>;
  /** CBPE: scores in the window (by prediction time), the estimated metrics and their sampling errors; null without a calibration. */
  estimated: { samples: number; metrics: Record<string, number>; samplingError: Record<string, number>; degradation: Record<string, number> } | null;
}

/** One group of a protected attribute. */
export interface FairnessGroupSnapshot {
  group: string;
  samples: number;
  selectionRate: number;
  /** NaN without positives / negatives (then not exported). */
  truePositiveRate: number;
  falsePositiveRate: number;
}

/** One protected attribute over the window of joined labels. */
export interface FairnessAttributeSnapshot {
  attribute: string;
  groups: FairnessGroupSnapshot[];
  demographicParityDifference: number;
  disparateImpactRatio: number;
  /** Whether the disparate impact ratio lies in the four-fifths band 0.8–1.25. */
  passesFourFifthsRule: boolean;
  equalOpportunityDifference: number;
  equalizedOddsDifference: number;
}

export interface PerformanceSnapshot {
  task: PerformanceTask;
  labels: {
    /** Labels since start per outcome. */
    outcomes: Record<LabelOutcome, number>;
    /** Evicted predictions since start per reason. */
    evicted: Record<EvictionReason, number>;
    /** Predictions waiting for their label now. */
    pending: number;
    /** Predictions whose id was observed again while pending (the later one replaced them). */
    replaced: number;
    /** Observations whose id was unusable. */
    invalidIds: number;
  };
  /** The profile's baseline.metrics (only metrics this task exports). */
  baseline: Record<string, number>;
  /** The whole model (segment `''`) first, then one entry per segment value seen in the window. */
  segments: SegmentPerformanceSnapshot[];
  concept: ConceptDetectorSnapshot[];
  fairness: FairnessAttributeSnapshot[];
}
