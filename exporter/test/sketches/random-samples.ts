import { mulberry32 } from '../support/synthetic.js';

/** Seeded samplers for the sketch tests (mulberry32 + Box–Muller): same seed, same numbers. */
export const seededUniform = mulberry32;

export function normalSample(size: number, seed: number, mean = 0, sd = 1): number[] {
  const uniform = seededUniform(seed);
  const values: number[] = [];
  while (values.length < size) {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    values.push(mean + sd * radius * Math.cos(angle));
    if (values.length < size) values.push(mean + sd * radius * Math.sin(angle));
  }
  return values;
}

/** Exact two-sample KS statistic sup_t |F_a(t) - F_b(t)| by a sorted merge (ties stepped together). */
export function exactKsStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length || j < y.length) {
    const t = Math.min(i < x.length ? (x[i] as number) : Infinity, j < y.length ? (y[j] as number) : Infinity);
    while (i < x.length && x[i] === t) i++;
    while (j < y.length && y[j] === t) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
