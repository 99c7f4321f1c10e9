import { FrequentItems } from '../../src/sketches/index.js';

function counterOf(capacity: number, items: readonly string[]): FrequentItems {
  const sketch = FrequentItems.create(capacity);
  for (const item of items) sketch.add(item);
  return sketch;
}

describe('FrequentItems (Misra–Gries, Agarwal et al. merge)', () => {
  it('counts exactly while the distinct items fit the capacity', () => {
    const sketch = counterOf(3, ['b', 'a', 'b', 'c', 'b', 'a']);
    expect(sketch.entries()).toEqual([
      { item: 'b', count: 3 },
      { item: 'a', count: 2 },
      { item: 'c', count: 1 },
    ]);
    expect(sketch.exact).toBe(true);
    expect(sketch.otherCount).toBe(0);
    expect(sketch.maxError).toBe(0);
    expect(sketch.count('zzz')).toBe(0);
  });

  it('takes one round off k + 1 items when a newcomer finds no room (worked by hand)', () => {
    // k = 2: a:2, b:1; 'c' arrives: a, b and c each lose 1 -> a:1; 3 units go to other.
    const sketch = counterOf(2, ['a', 'a', 'b', 'c']);
    expect(sketch.entries()).toEqual([{ item: 'a', count: 1 }]);
    expect(sketch.otherCount).toBe(3);
    expect(sketch.total).toBe(4);
    expect(sketch.maxError).toBe(1);
    // weighted newcomer heavier than the smallest counter keeps its remainder: a:1 + d:5 -> both lose 1... no room needed
    sketch.add('d', 5);
    expect(sketch.entries()).toEqual([
      { item: 'd', count: 5 },
      { item: 'a', count: 1 },
    ]);
    sketch.add('e', 3); // round of min(3, 1) = 1 off a, d, e: a leaves, d:4, e:2
    expect(sketch.entries()).toEqual([
      { item: 'd', count: 4 },
      { item: 'e', count: 2 },
    ]);
    expect(sketch.otherCount).toBe(6);
  });

  it('merge sums, then subtracts the (k+1)-th largest count (worked by hand)', () => {
    const a = FrequentItems.create(2);
    a.add('x', 5);
    a.add('y', 3);
    const b = FrequentItems.create(2);
    b.add('z', 4);
    b.add('w', 1);
    // x5 z4 y3 w1: third largest is 3 -> x2 z1; removed 3 + 3 + 3 + 1 = 10.
    const merged = a.merge(b);
    expect(merged.entries()).toEqual([
      { item: 'x', count: 2 },
      { item: 'z', count: 1 },
    ]);
    expect(merged.otherCount).toBe(10);
    expect(merged.total).toBe(13);
    expect(merged.maxError).toBe(10 / 3);
  });

  it('always tracks an item heavier than total/(k + 1) and bounds every error by otherCount/(k + 1)', () => {
    const stream: string[] = [];
    for (let i = 0; i < 3000; i++) stream.push(i % 3 === 0 ? 'heavy' : `noise-${i}`);
    const sketch = counterOf(4, stream);
    expect(sketch.count('heavy')).toBeGreaterThan(0);
    expect(1000 - sketch.count('heavy')).toBeLessThanOrEqual(sketch.maxError);
    expect(sketch.size).toBeLessThanOrEqual(4);
  });

  it('breaks count ties by item and ignores zero weights', () => {
    const sketch = counterOf(5, ['b', 'a', 'c']);
    sketch.add('d', 0);
    expect(sketch.entries().map((e) => e.item)).toEqual(['a', 'b', 'c']);
    expect(sketch.size).toBe(3);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => FrequentItems.create(0)).toThrow(/capacity must be an integer >= 1, got 0/);
    const sketch = FrequentItems.create(2);
    expect(() => sketch.add(3 as unknown as string)).toThrow(/item must be a string, got number/);
    expect(() => sketch.add('a', -1)).toThrow(/weight must be a finite number >= 0, got -1/);
    expect(() => sketch.merge(FrequentItems.create(3))).toThrow(/different capacities: 2 and 3/);
  });

  it('fromJSON names the bad field', () => {
    const good = counterOf(2, ['a', 'b', 'a']).toJSON();
    expect(FrequentItems.fromJSON(good).toJSON()).toEqual(good);
    expect(() => FrequentItems.fromJSON({ ...good, capacity: 0 })).toThrow(/FrequentItems\.fromJSON: capacity:/);
    expect(() => FrequentItems.fromJSON({ ...good, items: [['a', -1]] })).toThrow(/items\[0\]\[1\]:/);
    expect(() => FrequentItems.fromJSON({ ...good, items: [['a', 1], ['b', 1], ['c', 1]] })).toThrow(/items: holds 3 items, more than capacity = 2/);
    expect(() => FrequentItems.fromJSON({ ...good, items: [['a', 1], ['a', 1]] })).toThrow(/items\[1\]: duplicate item "a"/);
    expect(() => FrequentItems.fromJSON({ ...good, total: 1 })).toThrow(/total: must be at least otherCount \+ the tracked counts/);
  });
});
