/** The data-quality checks of a batch comparison, with their default thresholds. */
export const QUALITY_CHECKS = ['missing', 'out_of_range', 'new_category', 'type_error', 'constant'] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/**
 * A check fails when its value is ABOVE its threshold:
 * - missing: current missing rate minus the reference's (an increase of 5 points fails);
 * - out_of_range: share of finite numeric values outside the reference [min, max];
 * - new_category: share of categorical values the reference never saw (any fails; only checked when the
 *   reference listed all its categories);
 * - type_error: share of values of the wrong type (any fails);
 * - constant: 1 when a feature that varied in the reference has a single value now.
 */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<Record<QualityCheck, number>> = {
  missing: 0.05,
  out_of_range: 0.01,
  new_category: 0,
  type_error: 0,
  constant: 0,
};

/** One data-quality finding for one feature. */
export interface QualityFinding {
  feature: string;
  check: QualityCheck;
  value: number;
  threshold: number;
  failed: boolean;
}

/** Builds a finding; a NaN value (nothing to measure) never fails. */
export function qualityFinding(feature: string, check: QualityCheck, value: number, thresholds: Readonly<Record<QualityCheck, number>>): QualityFinding {
  const threshold = thresholds[check];
  return { feature, check, value, threshold, failed: value > threshold };
}
