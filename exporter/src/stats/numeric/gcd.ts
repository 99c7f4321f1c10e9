/**
 * Greatest common divisor of two non-negative integers (Euclid).
 *
 * @internal
 * @example gcd(30, 40) // 10
 */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
