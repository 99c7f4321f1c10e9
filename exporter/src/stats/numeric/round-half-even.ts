/**
 * Rounds to the nearest integer, ties to even (NumPy `np.round` / Python `round` on floats).
 *
 * @internal
 * @example roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
