import fc from 'fast-check';
import { DenseLogStore } from '../../src/sketches/dense-log-store.js';

/** The collapsing-lowest model: key k ends in bin max(k, K - limit + 1), K the largest key added. */
function modelBins(keys: readonly number[], limit: number): Map<number, number> {
  const top = Math.max(...keys);
  const bins = new Map<number, number>();
  for (const key of keys) {
    const bin = Math.max(key, top - limit + 1);
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }
  return bins;
}

function storeBins(store: DenseLogStore): Map<number, number> {
  const bins = new Map<number, number>();
  store.countsInRange().forEach((count, i) => {
    if (count > 0) bins.set(store.minKey + i, count);
  });
  return bins;
}

describe('DenseLogStore (internal)', () => {
  it('matches the collapsing-lowest model in any order of adds, within binLimit slots', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -400, max: 400 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (keys, limit) => {
        const store = new DenseLogStore(limit);
        for (const key of keys) store.add(key, 1);
        expect(storeBins(store)).toEqual(modelBins(keys, limit));
        expect(store.count).toBe(keys.length);
        expect(store.capacity).toBeLessThanOrEqual(limit);
        expect(store.collapsed).toBe(keys.some((key) => key < Math.max(...keys) - limit + 1));
      }),
    );
  });

  it('addStore of two halves equals adding all keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (keys, limit) => {
        const cut = keys.length >> 1;
        const left = new DenseLogStore(limit);
        const right = new DenseLogStore(limit);
        keys.slice(0, cut).forEach((key) => left.add(key, 1));
        keys.slice(cut).forEach((key) => right.add(key, 1));
        left.addStore(right);
        expect(storeBins(left)).toEqual(modelBins(keys, limit));
      }),
    );
  });
});
