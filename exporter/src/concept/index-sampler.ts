import { checkNumber } from './options.js';

/**
 * Draws `k` indices uniformly WITH replacement from 0..populationSize−1 (what numpy's
 * `np.random.choice(a, k)` does to pick elements of `a`). Injected into {@link Kswin} so that a
 * recorded sequence of draws can be replayed, or a shared RNG used.
 */
export interface IndexSampler {
  sample(populationSize: number, k: number): readonly number[];
  /** Optional: return to the initial seed (called by the detector's `reset()`). */
  reset?(): void;
}

/**
 * A small deterministic sampler for production use: Mulberry32 (32-bit state) mapped to indices
 * by `floor(u · populationSize)`. Same seed → same draws; not numpy's stream.
 *
 * @example
 * createSeededSampler(7).sample(10, 3); // three indices in 0..9, identical for every seed-7 sampler
 */
export function createSeededSampler(seed = 1): IndexSampler {
  const initial = checkNumber('seed', seed, { integer: true }) >>> 0;
  let state = initial;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    sample(populationSize: number, k: number): number[] {
      const indices = new Array<number>(k);
      for (let i = 0; i < k; i++) indices[i] = Math.floor(next() * populationSize);
      return indices;
    },
    reset(): void {
      state = initial;
    },
  };
}
