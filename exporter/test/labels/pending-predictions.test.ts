/**
 * The pending-prediction store on its own: join outcomes, TTL expiry on an injected clock, the
 * hard cap under a flood, the recent-id memories, and id normalisation.
 */
import { MAX_LABEL_ID_LENGTH, normalizeLabelId, PendingPredictions, RecentIds } from '../../src/labels/index.js';

const HOUR = 3_600_000;

describe('PendingPredictions', () => {
  it('joins labels in any order, then reports duplicates and unknown ids', () => {
    const store = new PendingPredictions<string>({ ttlMs: HOUR, maxPending: 10 });
    ['a', 'b', 'c'].forEach((id, i) => store.put(id, `prediction-${id}`, i));
    expect(store.take('c', 10)).toEqual({ outcome: 'joined', entry: { id: 'c', storedAt: 2, value: 'prediction-c' } });
    expect(store.take('a', 11).outcome).toBe('joined');
    expect(store.take('a', 12).outcome).toBe('duplicate');
    expect(store.take('zzz', 13).outcome).toBe('unknown_id');
    expect(store.size).toBe(1);
    expect(store.take('b', 14).entry?.value).toBe('prediction-b');
  });

  it('keeps its arrival queue bounded when every prediction is labelled (no TTL or capacity ever hit)', () => {
    const store = new PendingPredictions<number>({ ttlMs: HOUR, maxPending: 100 });
    let joined = 0;
    for (let i = 0; i < 200_000; i++) {
      store.put(`id-${i}`, i, i);
      if (store.take(`id-${i}`, i).outcome === 'joined') joined++;
    }
    expect(joined).toBe(200_000);
    expect(store.size).toBe(0);
    expect((store as unknown as { queue: unknown[] }).queue.length).toBeLessThanOrEqual(2 * 100 + 1024);
  });

  it('replaces a pending prediction observed again under the same id and restarts its TTL', () => {
    const store = new PendingPredictions<number>({ ttlMs: 100, maxPending: 10 });
    store.put('x', 1, 0);
    store.put('x', 2, 90);
    expect(store.replaced).toBe(1);
    expect(store.size).toBe(1);
    const found = store.take('x', 150);
    expect(found.outcome).toBe('joined');
    expect(found.entry?.value).toBe(2);
  });

  it('expires predictions older than the TTL (injected clock) and calls their labels too_late', () => {
    const evicted: string[] = [];
    const store = new PendingPredictions<string>({ ttlMs: HOUR, maxPending: 100, onEvict: (reason, entry) => evicted.push(`${reason}:${entry.value}`) });
    store.put('old', 'o', 0);
    store.put('new', 'n', HOUR / 2);
    store.expire(HOUR);
    expect(store.size).toBe(1);
    expect(store.evictions).toEqual({ ttl: 1, capacity: 0 });
    expect(evicted).toEqual(['ttl:o']);
    expect(store.take('old', HOUR).outcome).toBe('too_late');
    expect(store.take('new', HOUR + HOUR / 2 - 1).outcome).toBe('joined');
  });

  it('counts a label that finds its prediction already past the TTL as too_late even before a sweep', () => {
    const store = new PendingPredictions<number>({ ttlMs: 100, maxPending: 10 });
    store.put('late', 1, 1000);
    store.put('first', 1, 0);
    // 'first' was stored later with an older clock, so it sits behind 'late' and is not swept first.
    expect(store.take('first', 1050).outcome).toBe('too_late');
    expect(store.evictions.ttl).toBe(1);
  });

  it('keeps at most maxPending predictions under a flood of 1 M unlabelled ones, evicting the oldest', () => {
    const cap = 10_000;
    const store = new PendingPredictions<number>({ ttlMs: 7 * 24 * HOUR, maxPending: cap });
    let maxSize = 0;
    for (let i = 0; i < 1_000_000; i++) {
      store.put(`req-${i}`, i, i);
      if (store.size > maxSize) maxSize = store.size;
    }
    expect(maxSize).toBe(cap);
    expect(store.evictions).toEqual({ ttl: 0, capacity: 1_000_000 - cap });
    expect(store.take(`req-${999_999}`, 1_000_000).outcome).toBe('joined');
    expect(store.take(`req-${1_000_000 - cap - 1}`, 1_000_000).outcome).toBe('too_late');
    expect(store.take('req-0', 1_000_000).outcome).toBe('unknown_id'); // evicted too long ago to be remembered
  });
});

describe('RecentIds', () => {
  it('remembers the last capacity ids, counting repeats', () => {
    const recent = new RecentIds(2);
    ['a', 'b', 'a', 'c'].forEach((id) => recent.add(id));
    expect([recent.has('a'), recent.has('b'), recent.has('c')]).toEqual([true, false, true]);
    expect(recent.size).toBe(2);
  });
});

describe('normalizeLabelId', () => {
  it('accepts strings, finite numbers and W3C trace ids; numbers and their decimal strings join', () => {
    expect(normalizeLabelId('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(normalizeLabelId(42)).toBe(normalizeLabelId('42'));
    expect(normalizeLabelId(-0)).toBe('0');
    expect(normalizeLabelId(12n)).toBe('12');
  });

  it.each([[''], ['x'.repeat(MAX_LABEL_ID_LENGTH + 1)], [Number.NaN], [Infinity], [null], [undefined], [{}], [true]])('rejects %p', (raw) => {
    expect(normalizeLabelId(raw)).toBeUndefined();
  });

  it('accepts an id of exactly the maximum length', () => {
    expect(normalizeLabelId('x'.repeat(MAX_LABEL_ID_LENGTH))).toHaveLength(MAX_LABEL_ID_LENGTH);
  });
});
