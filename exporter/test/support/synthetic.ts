/**
 * Deterministic synthetic data for tests: a small PCG-like generator, so tests are reproducible
 * without fixtures.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4294967296;
  };
}

/** Seeded uniform [0, 1) generator (mulberry32): same seed, same numbers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal draws by Box-Muller. */
export function normalSample(size: number, mean: number, std: number, seed: number): number[] {
  const uniform = createRandom(seed);
  return Array.from({ length: size }, () => mean + std * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

/** Categorical draws with the given probabilities. */
export function categoricalSample(size: number, categories: Record<string, number>, seed: number): string[] {
  const uniform = createRandom(seed);
  const entries = Object.entries(categories);
  return Array.from({ length: size }, () => {
    let u = uniform();
    for (const [value, probability] of entries) {
      if (u < probability) return value;
      u -= probability;
    }
    return (entries.at(-1) as [string, number])[0];
  });
}
