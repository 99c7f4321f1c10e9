/**
 * Counts per integer key (a DDSketch bucket index) over a contiguous key range of at most `binLimit`
 * keys. When a key would widen the range past the limit, the LOWEST keys are collapsed into the
 * lowest kept key ("collapsing lowest dense store" of the DDSketch paper, §2.2): a value of key k
 * always ends up in bin max(k, maxKey - binLimit + 1), whatever the order of adds and merges, so
 * merging stores equals adding every key into one store.
 *
 * Written here rather than taken from `@datadog/sketches-js` 2.1.1 because that version's
 * `CollapsingLowestDenseStore` miscounts when it collapses (bins double-counted) and `DDSketch.merge`
 * drops the negative store; we use its key mapping only.
 *
 * @internal
 */
export class DenseLogStore {
  readonly binLimit: number;
  /** Sum of the weights. */
  count = 0;
  /** Lowest and highest key holding weight (meaningless when count is 0). */
  minKey = 0;
  maxKey = 0;
  /** True once keys have been collapsed into the lowest bin. */
  collapsed = false;
  #bins: Float64Array = new Float64Array(0);
  /** Key of #bins[0]. */
  #offset = 0;

  constructor(binLimit: number) {
    this.binLimit = binLimit;
  }

  /** Adds `weight` (> 0) at `key`. Allocation-free unless the key range has to move or grow. */
  add(key: number, weight: number): void {
    if (this.count === 0) {
      this.minKey = key;
      this.maxKey = key;
      this.ensureRange(key, key);
    } else if (key > this.maxKey) {
      const lowestKept = key - this.binLimit + 1;
      if (this.minKey < lowestKept) this.collapseBelow(lowestKept);
      this.ensureRange(this.minKey, key);
      this.maxKey = key;
    } else if (key < this.minKey) {
      const lowestKept = this.maxKey - this.binLimit + 1;
      if (key < lowestKept) {
        key = lowestKept;
        this.collapsed = true;
      }
      if (key < this.minKey) {
        this.ensureRange(key, this.maxKey);
        this.minKey = key;
      }
    }
    const index = key - this.#offset;
    this.#bins[index] = (this.#bins[index] as number) + weight;
    this.count += weight;
  }

  /** Weight at `key` (0 outside the range). */
  countAt(key: number): number {
    if (this.count === 0 || key < this.minKey || key > this.maxKey) return 0;
    return this.#bins[key - this.#offset] as number;
  }

  /** Adds every bin of `other` into this store. */
  addStore(other: DenseLogStore): void {
    if (other.count === 0) return;
    // Highest key first: the range then only ever extends downwards and collapses at most once.
    for (let key = other.maxKey; key >= other.minKey; key--) {
      const weight = other.countAt(key);
      if (weight > 0) this.add(key, weight);
    }
    if (other.collapsed) this.collapsed = true;
  }

  /** A copy with the same bins, limit and collapse flag. */
  clone(): DenseLogStore {
    const copy = new DenseLogStore(this.binLimit);
    copy.count = this.count;
    copy.minKey = this.minKey;
    copy.maxKey = this.maxKey;
    copy.collapsed = this.collapsed;
    copy.#bins = this.#bins.slice();
    copy.#offset = this.#offset;
    return copy;
  }

  /** Counts from minKey to maxKey (empty when the store is empty). */
  countsInRange(): number[] {
    if (this.count === 0) return [];
    return Array.from(this.#bins.subarray(this.minKey - this.#offset, this.maxKey - this.#offset + 1));
  }

  /** Length of the backing array (≤ binLimit). */
  get capacity(): number {
    return this.#bins.length;
  }

  private collapseBelow(lowestKept: number): void {
    let moved = 0;
    const last = Math.min(this.maxKey, lowestKept - 1);
    for (let key = this.minKey; key <= last; key++) {
      const index = key - this.#offset;
      moved += this.#bins[index] as number;
      this.#bins[index] = 0;
    }
    this.collapsed = true;
    this.minKey = lowestKept;
    if (lowestKept > this.maxKey) {
      // Every bin collapsed: the whole weight lands on the new lowest key.
      this.maxKey = lowestKept;
      this.ensureRange(lowestKept, lowestKept);
    }
    const index = lowestKept - this.#offset;
    this.#bins[index] = (this.#bins[index] as number) + moved;
  }

  /** Makes keys low…high addressable, keeping the bins of minKey…maxKey (high - low < binLimit). */
  private ensureRange(low: number, high: number): void {
    const offset = this.#offset;
    if (low >= offset && high < offset + this.#bins.length) return;
    const needed = high - low + 1;
    const length = Math.min(this.binLimit, Math.max(needed, 2 * this.#bins.length, 16));
    const slack = length - needed;
    // Growing upwards leaves room above, downwards room below, a first allocation both.
    const newOffset = this.count === 0 ? low - (slack >> 1) : high > this.maxKey ? low : low - slack;
    const bins = new Float64Array(length);
    if (this.count > 0) {
      const keepLow = Math.max(this.minKey, low);
      const keepHigh = Math.min(this.maxKey, high);
      if (keepLow <= keepHigh) bins.set(this.#bins.subarray(keepLow - offset, keepHigh - offset + 1), keepLow - newOffset);
    }
    this.#bins = bins;
    this.#offset = newOffset;
  }
}
