import type { CbpeSamplingErrors } from './cbpe-sampling-error.js';
import type { ExpectedClassificationMetrics, ExpectedConfusion } from './expected-confusion.js';

/** CBPE estimate for one window of unlabelled scores. Ratios that are 0/0 are NaN. */
export interface CbpeEstimate extends ExpectedClassificationMetrics {
  /** Number of scores in the window. */
  readonly windowSize: number;
  readonly expectedConfusion: ExpectedConfusion;
  /** Expected ROC AUC from the calibrated probabilities; NaN for an empty window or a single class. */
  readonly rocAuc: number;
  /**
   * Upper bound on (exact − estimated) AUC caused by binning probabilities (the histogram path,
   * `CbpeAccumulator`); 0 for the exact path (`CbpeModel.estimate`).
   */
  readonly rocAucBinningErrorBound: number;
  /** Standard error of each metric for a window of this size (see `cbpeSamplingErrors`). */
  readonly samplingError: CbpeSamplingErrors;
}
