/**
 * x · 2^exponent without intermediate overflow/underflow of the power (C `ldexp`).
 *
 * @internal
 * @example scaleByPowerOfTwo(1, -1074) // 5e-324
 */
export function scaleByPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  let remaining = exponent;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}
