/**
 * What one window slot holds for one segment: the realised-performance accumulators (labels joined
 * in the slot, by label arrival), the CBPE accumulator (scores observed in the slot, by prediction
 * time), and the coverage counts (predictions with an id made in the slot, and how many of them
 * got their label). Accumulators are created on first use. @internal
 */
import type { CbpeModel } from '../estimation/cbpe.js';
import type { CbpeAccumulator } from '../estimation/cbpe-accumulator.js';
import { ClassificationAccumulator, type ClassificationAccumulatorOptions } from '../performance/classification-accumulator.js';
import { RegressionAccumulator } from '../performance/regression-accumulator.js';
import type { ResolvedPerformanceOptions } from './performance-options.js';

/** Accumulator limits inside the monitor (per slot and segment); see docs/labels.md for the memory bound. */
export const MONITOR_ACCUMULATOR_LIMITS = {
  /** Distinct labels in a confusion matrix (pairs ≤ maxClasses²). */
  maxClasses: 32,
  /** Distinct scores kept exactly for the ROC AUC before a 1 000-bin histogram. */
  maxExactScores: 512,
  scoreBins: 1000,
} as const;

export function classificationOptions(options: ResolvedPerformanceOptions): ClassificationAccumulatorOptions {
  return {
    task: options.task === 'multiclass' ? 'multiclass' : 'binary',
    posLabel: options.positiveLabel,
    ...MONITOR_ACCUMULATOR_LIMITS,
  };
}

export class SegmentSlice {
  classification: ClassificationAccumulator | undefined;
  regression: RegressionAccumulator | undefined;
  cbpe: CbpeAccumulator | undefined;
  /** Predictions with an id made in this slot. */
  predictionsWithId = 0;
  /** Of those, the ones whose label arrived. */
  labelled = 0;

  classificationOf(options: ResolvedPerformanceOptions): ClassificationAccumulator {
    this.classification ??= new ClassificationAccumulator(classificationOptions(options));
    return this.classification;
  }

  regressionOf(options: ResolvedPerformanceOptions): RegressionAccumulator {
    this.regression ??= new RegressionAccumulator({ quantiles: options.quantiles, maxExactErrors: 0 });
    return this.regression;
  }

  cbpeOf(model: CbpeModel): CbpeAccumulator {
    this.cbpe ??= model.createAccumulator();
    return this.cbpe;
  }
}
