import { FixedEdgeHistogram } from '../../src/sketches/index.js';

// Convention: numpy.searchsorted(edges, x, side='right') on INTERIOR edges (np.histogram's bins,
// with open outer bins and right-closed edges going to the bin on their right).
describe('FixedEdgeHistogram', () => {
  it('bins as searchsorted side=right: edge values go right, ±Infinity to the outer bins, NaN apart', () => {
    const h = FixedEdgeHistogram.create([0, 10]);
    h.addMany([-Infinity, -1, 0, 5, 9.999, 10, Infinity, NaN, NaN]);
    expect(Array.from(h.counts)).toEqual([2, 3, 2]);
    expect(h.total).toBe(7);
    expect(h.nanCount).toBe(2);
    expect(h.binCount).toBe(3);
    expect(Array.from(h.fractions())).toEqual([2 / 7, 3 / 7, 2 / 7]);
  });

  it('adds weights one at a time like addMany adds ones', () => {
    const one = FixedEdgeHistogram.create([1, 2, 3]);
    const many = FixedEdgeHistogram.create([1, 2, 3]);
    const values = [0.5, 1, 2.5, 3, 3, NaN, 7];
    for (const x of values) one.add(x);
    many.addMany(values);
    expect(one.toJSON()).toEqual(many.toJSON());
    one.add(2.2, 2.5);
    one.add(NaN, 0.5);
    expect(Array.from(one.counts)).toEqual([1, 1, 3.5, 3]);
    expect(one.nanCount).toBe(1.5);
  });

  it('with no interior edges has one bin holding everything but NaN', () => {
    const h = FixedEdgeHistogram.create([]);
    h.addMany([-1e300, 0, 1e300, NaN]);
    expect(Array.from(h.counts)).toEqual([3]);
  });

  it('fractions are all zeros when nothing was binned; clear empties it', () => {
    const h = FixedEdgeHistogram.create([0]);
    h.add(NaN);
    expect(Array.from(h.fractions())).toEqual([0, 0]);
    expect(h.isEmpty()).toBe(false);
    h.add(1);
    h.clear();
    expect(h.isEmpty()).toBe(true);
    expect(Array.from(h.counts)).toEqual([0, 0]);
  });

  it('copies its edges and keeps memory constant', () => {
    const edges = [0, 1];
    const h = FixedEdgeHistogram.create(edges);
    edges[0] = 5;
    expect(Array.from(h.edges)).toEqual([0, 1]);
    const before = h.approxBytes();
    for (let i = 0; i < 10_000; i++) h.add(i);
    expect(h.approxBytes()).toBe(before);
  });

  it('rejects bad edges, weights and merges, naming the argument', () => {
    expect(() => FixedEdgeHistogram.create([0, 0])).toThrow(/strictly increasing; edges\[0\] = 0 and edges\[1\] = 0/);
    expect(() => FixedEdgeHistogram.create([0, NaN])).toThrow(/edges\[1\] is NaN/);
    expect(() => FixedEdgeHistogram.create(null as unknown as number[])).toThrow(TypeError);
    const h = FixedEdgeHistogram.create([0]);
    expect(() => h.add(1, -1)).toThrow(/weight must be a finite number >= 0, got -1/);
    expect(() => h.add(1, NaN)).toThrow(RangeError);
    expect(() => h.merge(FixedEdgeHistogram.create([0, 1]))).toThrow(/different edges: \[0\] and \[0, 1\]/);
  });

  it('fromJSON names the bad field', () => {
    const good = { type: 'fixed-edge-histogram', edges: [0, 1], counts: [1, 2, 3], nanCount: 0 };
    expect(FixedEdgeHistogram.fromJSON(good).total).toBe(6);
    expect(() => FixedEdgeHistogram.fromJSON({ ...good, type: 'histogram' })).toThrow(/FixedEdgeHistogram\.fromJSON: type:/);
    expect(() => FixedEdgeHistogram.fromJSON({ ...good, counts: [1, -2, 3] })).toThrow(/counts\[1\]:/);
    expect(() => FixedEdgeHistogram.fromJSON({ ...good, counts: [1, 2] })).toThrow(/counts: expected edges.length \+ 1 = 3 entries, got 2/);
    expect(() => FixedEdgeHistogram.fromJSON({ ...good, edges: [1, 0] })).toThrow(/edges: bin edges must be strictly increasing/);
    expect(() => FixedEdgeHistogram.fromJSON({ ...good, nanCount: 'x' })).toThrow(/nanCount:/);
    expect(() => FixedEdgeHistogram.fromJSON(null)).toThrow(/FixedEdgeHistogram\.fromJSON: \(root\)/);
  });
});
