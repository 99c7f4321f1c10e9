/**
 * Draws from common distributions, each from a fixed number of uniforms, so that a scenario that
 * changes a distribution never shifts the random stream of the rows after it.
 */

/** A standard normal draw from two uniforms in (0, 1) (Box-Muller). */
export function normalFromUniforms(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Poisson draw by inversion of its CDF: one uniform, whatever the value.
 *
 * @example poissonFromUniform(0.5, 3) // 3 (the median of Poisson(3))
 */
export function poissonFromUniform(u: number, mean: number): number {
  let k = 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  while (u > cumulative && k < 1000) {
    k++;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

/**
 * The category whose cumulative weight first exceeds `u` times the total weight.
 *
 * @example pickWeighted(0.7, { a: 0.5, b: 0.5 }) // 'b'
 */
export function pickWeighted(u: number, weights: Readonly<Record<string, number>>): string {
  const entries = Object.entries(weights);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let rest = u * total;
  for (const [value, weight] of entries) {
    if (rest < weight) return value;
    rest -= weight;
  }
  return (entries.at(-1) as [string, number])[0];
}

/** `(1 − t) · a + t · b` for every key of either weight table (missing keys weigh 0). */
export function mixWeights(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, t: number): Record<string, number> {
  const mixed: Record<string, number> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) mixed[key] = (1 - t) * (a[key] ?? 0) + t * (b[key] ?? 0);
  return mixed;
}

/** The logistic function 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
