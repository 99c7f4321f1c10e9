/**
 * Per-feature window accumulators aligned to the reference bins: one Float64Array holding, for
 * every slice, the counts per reference bin (numeric: the profile's `binEdges`, numpy searchsorted
 * side='right'; categorical/boolean: the profile's `categories` then one "other" bin) followed by
 * the data-quality counters and two shifted moments. Plus cumulative (never rolling) counts per
 * bin and per quality event for the monotonic fleet counters.
 *
 * Memory: slices × (bins + COUNTER_SLOTS) + bins + events doubles per feature, fixed at creation.
 * `record` does a binary search (numeric) or one Map lookup (categorical) and typed-array
 * increments: no statistic, no allocation for numbers, booleans and strings.
 * @internal
 */
import type { BooleanFeatureProfile, CategoricalFeatureProfile, FeatureProfile, FeatureRole, NumericFeatureProfile } from '../profile/schema.js';
import { QUALITY_EVENT_CHECKS, type QualityEventCheck } from './metric-names.js';

/** Offsets of the counters after the bins, within one slice. */
export const COUNTER = {
  /** Rows in which this feature was looked at (every accepted observation). Derived by `mergeInto`: usable + missing + typeError + oversizedString + nonFinite. */
  rows: 0,
  /** Values counted into a bin (the drift sample). Derived by `mergeInto`: the sum of the bins. */
  usable: 1,
  missing: 2,
  typeError: 3,
  oversizedString: 4,
  nonFinite: 5,
  outOfRange: 6,
  unseenCategory: 7,
  /** Σ (x − center) and Σ (x − center)² of the usable numeric values. */
  shiftedSum: 8,
  shiftedSquares: 9,
} as const;
export const COUNTER_SLOTS = 10;

/** Index of each check in `cumulativeEvents`. */
export const EVENT_INDEX: Readonly<Record<QualityEventCheck, number>> = Object.fromEntries(QUALITY_EVENT_CHECKS.map((check, index) => [check, index])) as Record<QualityEventCheck, number>;

/** Result of `record` when the value raised no event worth a diag message. */
export const NO_EVENT = -1;

export abstract class FeatureAccumulator {
  readonly name: string;
  readonly role: FeatureRole;
  readonly binCount: number;
  /** Bins + counters of one slice. */
  readonly stride: number;
  /** slices × stride: slice s starts at s × stride. */
  readonly window: Float64Array;
  /** Values per bin since creation (monotonic). */
  readonly cumulativeBins: Float64Array;
  /** Quality events per check since creation (monotonic), indexed by EVENT_INDEX. */
  readonly cumulativeEvents: Float64Array;
  abstract readonly profile: FeatureProfile;
  /** Hot-path scratch of `MonitorState.observe`: the stamp of the last row that carried this column. */
  rowStamp = 0;

  protected constructor(name: string, role: FeatureRole, binCount: number, slices: number) {
    this.name = name;
    this.role = role;
    this.binCount = binCount;
    this.stride = binCount + COUNTER_SLOTS;
    this.window = new Float64Array(slices * this.stride);
    this.cumulativeBins = new Float64Array(binCount);
    this.cumulativeEvents = new Float64Array(QUALITY_EVENT_CHECKS.length);
  }

  /** Records one raw value into `slot`; returns the EVENT_INDEX of a dropped value's event, or NO_EVENT. */
  abstract record(slot: number, raw: unknown): number;

  /** Empties one slice (it rolled off). */
  clearSlot(slot: number): void {
    this.window.fill(0, slot * this.stride, (slot + 1) * this.stride);
  }

  /**
   * Sums every slice into `into` (length stride), which is overwritten. The hot path does not
   * write the `rows` and `usable` counters (each value ends in exactly one bin or one of the
   * missing / type error / oversized / non-finite counters): they are filled in here.
   */
  mergeInto(into: Float64Array): Float64Array {
    into.fill(0);
    const slices = this.window.length / this.stride;
    for (let slot = 0; slot < slices; slot++) {
      const base = slot * this.stride;
      for (let i = 0; i < this.stride; i++) into[i] = (into[i] as number) + (this.window[base + i] as number);
    }
    let usable = 0;
    for (let bin = 0; bin < this.binCount; bin++) usable += into[bin]!;
    const counters = this.binCount;
    into[counters + COUNTER.usable] = usable;
    into[counters + COUNTER.rows] = usable + into[counters + COUNTER.missing]! + into[counters + COUNTER.typeError]! + into[counters + COUNTER.oversizedString]! + into[counters + COUNTER.nonFinite]!;
    return into;
  }

  protected bump(base: number, counter: number): void {
    const at = base + this.binCount + counter;
    this.window[at] = (this.window[at] as number) + 1;
  }

  protected event(base: number, counter: number, check: QualityEventCheck): number {
    this.bump(base, counter);
    const index = EVENT_INDEX[check];
    this.cumulativeEvents[index] = (this.cumulativeEvents[index] as number) + 1;
    return index;
  }

  /** Missing values are expected data, not a diag-worthy event: counted, NO_EVENT returned. */
  protected missing(base: number): number {
    this.event(base, COUNTER.missing, 'missing');
    return NO_EVENT;
  }

  protected countBin(base: number, bin: number): void {
    this.window[base + bin] = (this.window[base + bin] as number) + 1;
    this.cumulativeBins[bin] = (this.cumulativeBins[bin] as number) + 1;
  }
}

/** A numeric feature: bins on the reference's interior edges, range checks against the reference [min, max]. */
export class NumericAccumulator extends FeatureAccumulator {
  readonly profile: NumericFeatureProfile;
  /** The reference median (or mean, or 0): moments are kept shifted by it for accuracy. */
  readonly center: number;
  private readonly edges: Float64Array;
  private readonly min: number;
  private readonly max: number;

  constructor(name: string, profile: NumericFeatureProfile, slices: number) {
    super(name, profile.role, profile.binEdges.length + 1, slices);
    this.profile = profile;
    this.edges = Float64Array.from(profile.binEdges);
    this.min = profile.range?.min ?? Number.NEGATIVE_INFINITY;
    this.max = profile.range?.max ?? Number.POSITIVE_INFINITY;
    this.center = profile.quantiles?.p50 ?? profile.mean ?? 0;
  }

  record(slot: number, raw: unknown): number {
    const base = slot * this.stride;
    let x: number;
    if (typeof raw === 'number') x = raw;
    else if (typeof raw === 'bigint') x = Number(raw);
    else if (raw === null || raw === undefined || raw === '') return this.missing(base);
    else return this.event(base, COUNTER.typeError, 'type_error');
    if (x !== x) return this.missing(base);
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) return this.event(base, COUNTER.nonFinite, 'non_finite');
    this.countNumber(this.window, base, base + this.binCount, x);
    return NO_EVENT;
  }

  /** Counts a finite `x` into its bin, the moments and the range check; `counters` = base + binCount. */
  private countNumber(window: Float64Array, base: number, counters: number, x: number): void {
    const edges = this.edges;
    let low = 0;
    let high = edges.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (edges[middle]! <= x) low = middle + 1;
      else high = middle;
    }
    window[base + low]! += 1;
    this.cumulativeBins[low]! += 1;
    const shifted = x - this.center;
    window[counters + COUNTER.shiftedSum]! += shifted;
    window[counters + COUNTER.shiftedSquares]! += shifted * shifted;
    if (x < this.min || x > this.max) this.event(base, COUNTER.outOfRange, 'out_of_range');
  }

  /**
   * Records a column of plain numbers: row r into `slots[r]` (rows with a negative slot are
   * skipped). Returns how many values were ±Infinity (the only diag-worthy event of a number).
   */
  recordNumbers(slots: Int32Array, column: Float64Array, rows: number): number {
    const first = rows > 0 ? slots[0]! : -1;
    let uniform = first >= 0;
    for (let row = 1; uniform && row < rows; row++) uniform = slots[row] === first;
    if (uniform) return this.recordNumbersInSlot(first, column, rows);
    const window = this.window;
    const stride = this.stride;
    const binCount = this.binCount;
    let nonFinite = 0;
    for (let row = 0; row < rows; row++) {
      const slot = slots[row]!;
      if (slot < 0) continue;
      const base = slot * stride;
      const x = column[row]!;
      if (x !== x) this.missing(base);
      else if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
        this.event(base, COUNTER.nonFinite, 'non_finite');
        nonFinite++;
      } else this.countNumber(window, base, base + binCount, x);
    }
    return nonFinite;
  }

  /** `recordNumbers` when every row goes to the same slot (no timestamps column): the common case, one tight loop. */
  private recordNumbersInSlot(slot: number, column: Float64Array, rows: number): number {
    const window = this.window;
    const cumulative = this.cumulativeBins;
    const edges = this.edges;
    const base = slot * this.stride;
    const { center, min, max } = this;
    let sum = 0;
    let squares = 0;
    let nonFinite = 0;
    for (let row = 0; row < rows; row++) {
      const x = column[row]!;
      if (!(x > Number.NEGATIVE_INFINITY && x < Number.POSITIVE_INFINITY)) {
        if (x !== x) this.missing(base);
        else {
          this.event(base, COUNTER.nonFinite, 'non_finite');
          nonFinite++;
        }
        continue;
      }
      let low = 0;
      let high = edges.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (edges[middle]! <= x) low = middle + 1;
        else high = middle;
      }
      window[base + low]! += 1;
      cumulative[low]! += 1;
      const shifted = x - center;
      sum += shifted;
      squares += shifted * shifted;
      if (x < min || x > max) this.event(base, COUNTER.outOfRange, 'out_of_range');
    }
    const counters = base + this.binCount;
    window[counters + COUNTER.shiftedSum]! += sum;
    window[counters + COUNTER.shiftedSquares]! += squares;
    return nonFinite;
  }
}

/** A categorical or boolean feature: one bin per reference category, then the "other" bin. */
export class CategoricalAccumulator extends FeatureAccumulator {
  readonly profile: CategoricalFeatureProfile | BooleanFeatureProfile;
  /** Category labels, aligned with the first binCount − 1 bins. */
  readonly categories: readonly string[];
  /** True when the profile lists every reference category, so anything else is unseen. */
  readonly tracksUnseen: boolean;
  private readonly index: Map<string, number>;
  private readonly otherBin: number;
  private readonly maxStringLength: number;
  private readonly trueBin: number;
  private readonly falseBin: number;

  constructor(name: string, profile: CategoricalFeatureProfile | BooleanFeatureProfile, slices: number, maxStringLength: number) {
    super(name, profile.role, profile.categories.length + 1, slices);
    this.profile = profile;
    this.categories = profile.categories.map((entry) => entry.value);
    this.index = new Map(this.categories.map((value, position) => [value, position]));
    this.otherBin = this.categories.length;
    this.tracksUnseen = profile.categoriesExact && profile.otherCount === 0;
    this.maxStringLength = maxStringLength;
    this.trueBin = this.index.get('true') ?? this.otherBin;
    this.falseBin = this.index.get('false') ?? this.otherBin;
  }

  private countLabel(base: number, label: string): void {
    const bin = this.index.get(label);
    if (bin !== undefined) return this.countBin(base, bin);
    this.countBin(base, this.otherBin);
    if (this.tracksUnseen) this.event(base, COUNTER.unseenCategory, 'unseen_category');
  }

  record(slot: number, raw: unknown): number {
    const base = slot * this.stride;
    if (raw === null || raw === undefined || raw === '' || (typeof raw === 'number' && raw !== raw)) return this.missing(base);
    if (typeof raw === 'boolean') {
      this.countBin(base, raw ? this.trueBin : this.falseBin);
      if (this.tracksUnseen && (raw ? this.trueBin : this.falseBin) === this.otherBin) this.event(base, COUNTER.unseenCategory, 'unseen_category');
      return NO_EVENT;
    }
    if (typeof raw === 'string') {
      if (raw.length > this.maxStringLength) return this.event(base, COUNTER.oversizedString, 'oversized_string');
      if (this.profile.kind === 'boolean' && raw !== 'true' && raw !== 'false') return this.event(base, COUNTER.typeError, 'type_error');
      this.countLabel(base, raw);
      return NO_EVENT;
    }
    if (this.profile.kind === 'categorical' && (typeof raw === 'number' || typeof raw === 'bigint')) {
      this.countLabel(base, String(raw));
      return NO_EVENT;
    }
    return this.event(base, COUNTER.typeError, 'type_error');
  }
}

/** The accumulator for one profile column. @internal */
export function createFeatureAccumulator(name: string, profile: FeatureProfile, slices: number, maxStringLength: number): FeatureAccumulator {
  return profile.kind === 'numeric' ? new NumericAccumulator(name, profile, slices) : new CategoricalAccumulator(name, profile, slices, maxStringLength);
}
