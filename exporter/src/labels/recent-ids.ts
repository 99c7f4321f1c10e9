/**
 * A bounded memory of the last `capacity` ids added (a ring plus a reference-counted map), used to
 * tell a label for an evicted or already joined prediction from one for an id never seen.
 * Memory: at most `capacity` ids. O(1) per operation. @internal
 */
export class RecentIds {
  private readonly ring: (string | undefined)[];
  private readonly counts = new Map<string, number>();
  private next = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(0, capacity)).fill(undefined);
  }

  /** Remembers `id`, forgetting the oldest one when full. */
  add(id: string): void {
    if (this.capacity <= 0) return;
    const old = this.ring[this.next];
    if (old !== undefined) {
      const count = (this.counts.get(old) ?? 1) - 1;
      if (count <= 0) this.counts.delete(old);
      else this.counts.set(old, count);
    }
    this.ring[this.next] = id;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.next = (this.next + 1) % this.capacity;
  }

  has(id: string): boolean {
    return this.counts.has(id);
  }

  /** Ids remembered now (≤ capacity). */
  get size(): number {
    return this.counts.size;
  }
}
