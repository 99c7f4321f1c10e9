import { z } from 'zod';
import { invalidSketchJson, parseSketchJson } from './parse-sketch-json.js';
import type { MergeableSketch } from './types.js';

/** One tracked category and its counted weight (a lower bound of its true weight). */
export interface FrequentItem {
  item: string;
  count: number;
}

/** JSON form of {@link FrequentItems} (type tag `frequent-items`); items sorted by count desc, then item. */
export interface FrequentItemsJson {
  type: 'frequent-items';
  capacity: number;
  total: number;
  otherCount: number;
  items: Array<[string, number]>;
}

const jsonSchema = z.object({
  type: z.literal('frequent-items'),
  capacity: z.number().int().positive(),
  total: z.number().nonnegative(),
  otherCount: z.number().nonnegative(),
  items: z.array(z.tuple([z.string(), z.number().positive()])),
});

/** Map entry, key and number overhead per tracked item, before the string's characters. */
const BYTES_PER_ITEM = 64;
const OBJECT_OVERHEAD_BYTES = 128;

/**
 * Bounded weighted counter for categorical values: the Misra–Gries summary (1982) with the merge
 * of Agarwal et al., "Mergeable summaries" (PODS 2012), and an explicit "other" bucket.
 *
 * At most `capacity` (k) items are tracked. While the number of distinct items seen (over every
 * merged input) is ≤ k, every count is EXACT and `otherCount` is 0. Beyond that, weight is taken
 * off in rounds — each round removes the same amount d from k + 1 items (the k tracked and the
 * newcomer) — and moved to `otherCount`, which is therefore the weight not attributed to a tracked
 * item. For every item (tracked or not): count(item) ≤ true weight ≤ count(item) + `maxError`,
 * maxError = otherCount / (k + 1) ≤ total / (k + 1); any item heavier than total/(k + 1) is tracked.
 * Merge adds the counters, then, if more than k remain, subtracts the (k + 1)-th largest count from
 * all and drops those ≤ 0 (the bound above is kept). Merge is commutative; it is associative and
 * equals adding everything into one counter exactly as long as no pruning happens.
 *
 * Memory: ≤ k tracked items: about k·(64 + 2·L) bytes for items of ≤ L UTF-16 units.
 *
 * @example
 * const f = FrequentItems.create(2);
 * for (const x of ['a', 'a', 'b', 'c']) f.add(x);
 * f.entries() // [{ item: 'a', count: 1 }] ; f.otherCount // 3 (one round of 1 from a, b, c)
 */
export class FrequentItems implements MergeableSketch<FrequentItems> {
  /** Maximum number of tracked items k. */
  readonly capacity: number;
  #counts = new Map<string, number>();
  #total = 0;
  #otherCount = 0;
  #characters = 0;

  private constructor(capacity: number) {
    this.capacity = capacity;
  }

  /**
   * An empty counter tracking at most `capacity` items.
   *
   * @throws RangeError when capacity is not an integer ≥ 1
   */
  static create(capacity: number): FrequentItems {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${String(capacity)}`);
    return new FrequentItems(capacity);
  }

  /**
   * Reads back the output of `toJSON()` (after JSON.stringify/parse) exactly.
   *
   * @throws TypeError naming the field when `json` is not a valid counter
   */
  static fromJSON(json: unknown): FrequentItems {
    const data = parseSketchJson('FrequentItems', jsonSchema, json);
    if (data.items.length > data.capacity) {
      invalidSketchJson('FrequentItems', 'items', `holds ${data.items.length} items, more than capacity = ${data.capacity}`);
    }
    const sketch = new FrequentItems(data.capacity);
    let tracked = 0;
    for (const [index, [item, count]] of data.items.entries()) {
      if (sketch.#counts.has(item)) invalidSketchJson('FrequentItems', `items[${index}]`, `duplicate item ${JSON.stringify(item)}`);
      sketch.#counts.set(item, count);
      sketch.#characters += item.length;
      tracked += count;
    }
    if (data.otherCount > data.total || tracked > data.total * (1 + 1e-12)) {
      invalidSketchJson('FrequentItems', 'total', `must be at least otherCount + the tracked counts (${data.otherCount} + ${tracked}), got ${data.total}`);
    }
    sketch.#total = data.total;
    sketch.#otherCount = data.otherCount;
    return sketch;
  }

  /** Total weight added. */
  get total(): number {
    return this.#total;
  }

  /** Weight not attributed to a tracked item. */
  get otherCount(): number {
    return this.#otherCount;
  }

  /** Number of tracked items (≤ capacity). */
  get size(): number {
    return this.#counts.size;
  }

  /** Upper bound of (true weight - count(item)) for every item: otherCount / (capacity + 1); 0 while exact. */
  get maxError(): number {
    return this.#otherCount / (this.capacity + 1);
  }

  /** True while every count is exact (no weight moved to "other"). */
  get exact(): boolean {
    return this.#otherCount === 0;
  }

  /**
   * Adds `weight` (default 1) to `item`. O(1) when the item is tracked or there is room; otherwise
   * one Misra–Gries round over the k tracked items.
   *
   * @throws TypeError when item is not a string; RangeError when weight is negative, NaN or infinite
   */
  add(item: string, weight = 1): void {
    if (typeof item !== 'string') throw new TypeError(`item must be a string, got ${typeof item}`);
    if (!(weight >= 0 && weight < Infinity)) throw new RangeError(`weight must be a finite number >= 0, got ${weight}`);
    if (weight === 0) return;
    this.#total += weight;
    const current = this.#counts.get(item);
    if (current !== undefined) {
      this.#counts.set(item, current + weight);
      return;
    }
    if (this.#counts.size < this.capacity) {
      this.track(item, weight);
      return;
    }
    let smallest = Infinity;
    for (const count of this.#counts.values()) if (count < smallest) smallest = count;
    const decrement = Math.min(weight, smallest);
    // One round takes `decrement` off each of the k tracked items and off the newcomer.
    this.#otherCount += decrement * (this.#counts.size + 1);
    this.decrementAll(decrement);
    const remaining = weight - decrement;
    if (remaining > 0) this.track(item, remaining);
  }

  /** The counted weight of `item` (a lower bound of its true weight; 0 when untracked). */
  count(item: string): number {
    return this.#counts.get(item) ?? 0;
  }

  /** Tracked items sorted by count descending, ties by item (code-unit order). */
  entries(): FrequentItem[] {
    return Array.from(this.#counts, ([item, count]) => ({ item, count })).sort(compareEntries);
  }

  /**
   * A new counter summarising both inputs (Agarwal et al. merge).
   *
   * @throws RangeError when the capacities differ
   */
  merge(other: FrequentItems): FrequentItems {
    if (!(other instanceof FrequentItems)) throw new TypeError('other must be a FrequentItems');
    if (other.capacity !== this.capacity) {
      throw new RangeError(`cannot merge FrequentItems of different capacities: ${this.capacity} and ${other.capacity}`);
    }
    const merged = new FrequentItems(this.capacity);
    merged.#counts = new Map(this.#counts);
    merged.#characters = this.#characters;
    for (const [item, count] of other.#counts) {
      const current = merged.#counts.get(item);
      if (current === undefined) merged.track(item, count);
      else merged.#counts.set(item, current + count);
    }
    merged.#total = this.#total + other.#total;
    merged.#otherCount = this.#otherCount + other.#otherCount;
    if (merged.#counts.size > merged.capacity) {
      const sorted = Array.from(merged.#counts.values()).sort((x, y) => y - x);
      const cut = sorted[merged.capacity] as number;
      let tracked = 0;
      for (const count of merged.#counts.values()) tracked += count;
      merged.decrementAll(cut);
      let remaining = 0;
      for (const count of merged.#counts.values()) remaining += count;
      merged.#otherCount += tracked - remaining;
    }
    return merged;
  }

  isEmpty(): boolean {
    return this.#total === 0;
  }

  /** (64 + 2·length) bytes per tracked item plus a constant; ≤ capacity·(64 + 2·L) + 128. */
  approxBytes(): number {
    return OBJECT_OVERHEAD_BYTES + BYTES_PER_ITEM * this.#counts.size + 2 * this.#characters;
  }

  toJSON(): FrequentItemsJson {
    return {
      type: 'frequent-items',
      capacity: this.capacity,
      total: this.#total,
      otherCount: this.#otherCount,
      items: this.entries().map(({ item, count }) => [item, count]),
    };
  }

  private track(item: string, weight: number): void {
    this.#counts.set(item, weight);
    this.#characters += item.length;
  }

  /** Subtracts `amount` from every tracked count and forgets the items that reach 0 or below. */
  private decrementAll(amount: number): void {
    for (const [item, count] of this.#counts) {
      const left = count - amount;
      if (left > 0) {
        this.#counts.set(item, left);
      } else {
        this.#counts.delete(item);
        this.#characters -= item.length;
      }
    }
  }
}

function compareEntries(a: FrequentItem, b: FrequentItem): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.item < b.item ? -1 : a.item > b.item ? 1 : 0;
}
