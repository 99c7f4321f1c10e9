/**
 * Logarithm-base option shared by the entropy-type divergences (Jensen-Shannon, KL), as SciPy's `base`.
 *
 * @internal
 */

/**
 * ln(base) to divide a natural-log result by; 1 (nats) when `base` is undefined, like SciPy's `base=None`.
 *
 * @throws {RangeError} unless `base` is a finite number > 0 and ≠ 1
 */
export function naturalLogOfBase(base: number | undefined): number {
  if (base === undefined) return 1;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0 || base === 1) {
    throw new RangeError(`base must be a finite number > 0 and != 1 (e.g. 2 for bits, Math.E for nats), got ${String(base)}`);
  }
  return Math.log(base);
}
