/**
 * Which sub-window slice an observation lands in: a ring of `slices` slots for a sliding time
 * window (slot = slice number mod slices, slice number = floor(t / sliceMs)) or a count window
 * (a slot takes `sliceCapacity` observations, then the next, oldest, slot is cleared).
 *
 * The ring owns only slot bookkeeping; the accumulators are cleared through `clearSlot`, so a
 * slice that rolls off is emptied before it is reused. No allocation after construction.
 * @internal
 */
import type { ResolvedWindow } from './monitor-options.js';

/** A slot index, or one of the reasons an observation has none. */
export const SLOT_TOO_OLD = -1;
export const SLOT_INVALID_TIME = -2;

export class WindowRing {
  readonly slices: number;
  /** Observations recorded per slot. */
  readonly observations: Float64Array;
  private readonly window: ResolvedWindow;
  private readonly clearSlot: (slot: number) => void;
  /** Time windows: the slice number each slot holds. */
  private readonly sliceNumbers: Float64Array;
  /** Time windows: the newest slice number; count windows: the slot being filled. */
  private head: number;
  /** Count windows: how many times each slot was (re)started, so a slot's identity changes when it is reused. */
  private readonly generations: Float64Array;

  constructor(window: ResolvedWindow, now: number, clearSlot: (slot: number) => void) {
    this.window = window;
    this.slices = window.slices;
    this.clearSlot = clearSlot;
    this.observations = new Float64Array(window.slices);
    this.sliceNumbers = new Float64Array(window.slices).fill(Number.NaN);
    this.generations = new Float64Array(window.slices);
    if (window.kind === 'time') {
      this.head = Math.floor(now / window.sliceMs);
      for (let number = this.head - window.slices + 1; number <= this.head; number++) this.sliceNumbers[this.slotOf(number)] = number;
    } else {
      this.head = 0;
    }
  }

  private slotOf(sliceNumber: number): number {
    const slot = sliceNumber % this.slices;
    return slot < 0 ? slot + this.slices : slot;
  }

  /** Time windows: moves the head to `now`, clearing every slot that rolled off. No-op for count windows. */
  advance(now: number): void {
    if (this.window.kind !== 'time' || !Number.isFinite(now)) return;
    const target = Math.floor(now / this.window.sliceMs);
    if (target <= this.head) return;
    const first = Math.max(this.head + 1, target - this.slices + 1);
    for (let number = first; number <= target; number++) {
      const slot = this.slotOf(number);
      this.clearSlot(slot);
      this.observations[slot] = 0;
      this.sliceNumbers[slot] = number;
    }
    this.head = target;
  }

  /**
   * The slot for one observation at `timestamp` (ms; time windows only, default now), counted in
   * `observations`; SLOT_TOO_OLD when its slice has rolled off, SLOT_INVALID_TIME for a timestamp
   * that is not a finite number. Timestamps ahead of the clock land in the newest slice.
   */
  take(now: number, timestamp: number | undefined): number {
    if (this.window.kind === 'count') {
      if ((this.observations[this.head] as number) >= this.window.sliceCapacity) {
        this.head = (this.head + 1) % this.slices;
        this.generations[this.head] = (this.generations[this.head] as number) + 1;
        this.clearSlot(this.head);
        this.observations[this.head] = 0;
      }
      this.observations[this.head] = (this.observations[this.head] as number) + 1;
      return this.head;
    }
    this.advance(now);
    let slot: number;
    if (timestamp === undefined) slot = this.slotOf(this.head);
    else {
      if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return SLOT_INVALID_TIME;
      const number = Math.min(Math.floor(timestamp / this.window.sliceMs), this.head);
      if (number <= this.head - this.slices) return SLOT_TOO_OLD;
      slot = this.slotOf(number);
    }
    this.observations[slot] = (this.observations[slot] as number) + 1;
    return slot;
  }

  /**
   * The slot `timestamp` (default now) falls in, without counting an observation: SLOT_TOO_OLD /
   * SLOT_INVALID_TIME as in `take`. Count windows: the slot being filled.
   */
  slotAt(now: number, timestamp: number | undefined): number {
    if (this.window.kind === 'count') return this.head;
    this.advance(now);
    if (timestamp === undefined) return this.slotOf(this.head);
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return SLOT_INVALID_TIME;
    const number = Math.min(Math.floor(timestamp / this.window.sliceMs), this.head);
    return number <= this.head - this.slices ? SLOT_TOO_OLD : this.slotOf(number);
  }

  /** What `slot` holds now (time: its slice number; count: its generation); changes when the slot is reused. */
  identityOf(slot: number): number {
    return this.window.kind === 'time' ? (this.sliceNumbers[slot] as number) : (this.generations[slot] as number);
  }

  /** Observations in the whole window. */
  windowObservations(): number {
    let total = 0;
    for (let slot = 0; slot < this.slices; slot++) total += this.observations[slot] as number;
    return total;
  }
}
