/**
 * The bounded store of predictions waiting for their label: id → what the label will be compared
 * with. A Map finds an id; a FIFO queue beside it holds the entries in arrival order, so TTL expiry
 * pops from the front (no timer, no scan of the map) and the `maxPending` cap evicts the oldest.
 * Entries joined or replaced stay in the queue as stale references, skipped when popped; the queue
 * is compacted when stale ones outnumber the live ones, so every operation is amortised O(1) and
 * the queue never holds more than 2 × maxPending + 1024 references. (A Map alone is not used as the
 * queue: V8 keeps deleted Map slots until a rehash, so reading its first entry after many
 * deletions scans them.) Two bounded memories of recent ids tell `too_late` (evicted) and
 * `duplicate` (already joined) apart from `unknown_id`.
 */
import { RecentIds } from './recent-ids.js';

/** How `take` found an id. */
export type PendingLookup<T> =
  | { outcome: 'joined'; entry: PendingEntry<T> }
  | { outcome: 'duplicate' | 'unknown_id' | 'too_late'; entry?: undefined };

/** One pending prediction. */
export interface PendingEntry<T> {
  readonly id: string;
  /** When it was stored (the store's clock, ms): the TTL counts from here. */
  readonly storedAt: number;
  readonly value: T;
}

/** Options of {@link PendingPredictions}. */
export interface PendingPredictionsOptions<T> {
  /** A prediction older than this (ms) is evicted with reason `ttl`. */
  ttlMs: number;
  /** Hard cap of pending predictions; past it the oldest is evicted with reason `capacity`. */
  maxPending: number;
  /** Ids remembered after eviction and after a join (each memory). Default min(maxPending, 10 000). */
  recentIds?: number;
  /** Called once per evicted prediction. */
  onEvict?: (reason: 'ttl' | 'capacity', entry: PendingEntry<T>) => void;
}

/** Largest default size of each recent-id memory. */
export const DEFAULT_RECENT_IDS = 10_000;

/**
 * @example
 * const store = new PendingPredictions<number>({ ttlMs: 60_000, maxPending: 1000 });
 * store.put('a', 0.9, Date.now());
 * store.take('a', Date.now()).outcome // 'joined'
 * store.take('a', Date.now()).outcome // 'duplicate'
 */
export class PendingPredictions<T> {
  private readonly entries = new Map<string, PendingEntry<T>>();
  /** Entries in arrival order from `head` on; some may be stale (no longer the map's entry for their id). */
  private queue: PendingEntry<T>[] = [];
  private head = 0;
  private readonly evicted: RecentIds;
  private readonly joined: RecentIds;
  private readonly ttlMs: number;
  private readonly maxPending: number;
  private readonly onEvict: ((reason: 'ttl' | 'capacity', entry: PendingEntry<T>) => void) | undefined;
  /** Evictions since creation, by reason. */
  readonly evictions = { ttl: 0, capacity: 0 };
  /** Predictions whose id was observed again while pending (the later one replaced them). */
  replaced = 0;

  constructor(options: PendingPredictionsOptions<T>) {
    this.ttlMs = options.ttlMs;
    this.maxPending = options.maxPending;
    this.onEvict = options.onEvict;
    const recent = options.recentIds ?? Math.min(options.maxPending, DEFAULT_RECENT_IDS);
    this.evicted = new RecentIds(recent);
    this.joined = new RecentIds(recent);
  }

  /** Predictions waiting now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Stores a prediction under `id` at time `now`. An id already pending is replaced by the later
   * prediction (it moves to the back, its TTL restarts) and counted in `replaced`.
   */
  put(id: string, value: T, now: number): void {
    this.expire(now);
    if (this.entries.delete(id)) this.replaced++;
    while (this.entries.size >= this.maxPending) this.evictOldest('capacity');
    const entry = { id, storedAt: now, value };
    this.entries.set(id, entry);
    this.queue.push(entry);
    this.compact();
  }

  /** The oldest live entry (dropping stale references on the way), or undefined. */
  private oldest(): PendingEntry<T> | undefined {
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head] as PendingEntry<T>;
      if (this.entries.get(entry.id) === entry) return entry;
      this.head++;
    }
    return undefined;
  }

  /** Drops consumed and stale references once they outnumber the live entries (amortised O(1)). */
  private compact(): void {
    const held = this.queue.length - this.head;
    if (held <= 2 * this.entries.size + 1024 && this.head <= 1024) return;
    if (held > 2 * this.entries.size + 1024) this.queue = this.queue.slice(this.head).filter((entry) => this.entries.get(entry.id) === entry);
    else if (this.head > this.queue.length / 2) this.queue = this.queue.slice(this.head);
    else return;
    this.head = 0;
  }

  /** Removes and returns the prediction of `id`, or says why there is none. */
  take(id: string, now: number): PendingLookup<T> {
    this.expire(now);
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      this.entries.delete(id);
      if (now - entry.storedAt >= this.ttlMs) {
        this.countEviction('ttl', id, entry);
        return { outcome: 'too_late' };
      }
      this.joined.add(id);
      return { outcome: 'joined', entry };
    }
    if (this.joined.has(id)) return { outcome: 'duplicate' };
    if (this.evicted.has(id)) return { outcome: 'too_late' };
    return { outcome: 'unknown_id' };
  }

  /** Evicts every prediction whose TTL ran out by `now` (from the front: stops at the first live one). */
  expire(now: number): void {
    for (;;) {
      const entry = this.oldest();
      if (entry === undefined || !(now - entry.storedAt >= this.ttlMs)) return;
      this.entries.delete(entry.id);
      this.head++;
      this.countEviction('ttl', entry.id, entry);
    }
  }

  private evictOldest(reason: 'ttl' | 'capacity'): void {
    const entry = this.oldest();
    if (entry === undefined) return;
    this.entries.delete(entry.id);
    this.head++;
    this.countEviction(reason, entry.id, entry);
  }

  private countEviction(reason: 'ttl' | 'capacity', id: string, entry: PendingEntry<T>): void {
    this.evictions[reason]++;
    this.evicted.add(id);
    this.onEvict?.(reason, entry);
  }
}
