/** Severity of a feature's drift, from which the table picks its colour. */
export type Severity = 'drift' | 'warning' | 'ok' | 'unknown';

/**
 * How far a feature is towards its threshold, on one scale for tests and distances: 1 at the
 * threshold, above 1 past it. Distances: score / threshold. Tests (p-value present):
 * ln(p) / ln(threshold), so p = 1 reads 0 and p = threshold reads 1. NaN when the inputs are missing.
 *
 * @example driftIntensity({ score: 0.3, threshold: 0.2 }) // → 1.5 (distance)
 * @example driftIntensity({ score: 0.4, pValue: 0.0025, threshold: 0.05 }) // → 2 (test)
 */
export function driftIntensity(input: { score?: number; pValue?: number; threshold?: number }): number {
  const { score, pValue, threshold } = input;
  if (threshold === undefined || !Number.isFinite(threshold) || threshold <= 0) {
    return Number.NaN;
  }
  if (pValue !== undefined && Number.isFinite(pValue)) {
    if (threshold >= 1) {
      return Number.NaN;
    }
    return Math.log(Math.max(pValue, Number.MIN_VALUE)) / Math.log(threshold);
  }
  if (score !== undefined && Number.isFinite(score)) {
    return score / threshold;
  }
  return Number.NaN;
}

/**
 * Severity: `drift` when the monitor's verdict says so (or, without a verdict, intensity ≥ 1),
 * `warning` when intensity reaches `warningRatio`, `unknown` without numbers, else `ok`.
 *
 * @example severityOf(0.9, false, 0.8) // → 'warning'
 */
export function severityOf(intensity: number, detected: boolean | undefined, warningRatio: number): Severity {
  if (detected === true) {
    return 'drift';
  }
  if (!Number.isFinite(intensity)) {
    return detected === false ? 'ok' : 'unknown';
  }
  if (detected === undefined && intensity >= 1) {
    return 'drift';
  }
  return intensity >= warningRatio ? 'warning' : 'ok';
}
