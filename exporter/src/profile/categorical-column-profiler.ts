/**
 * Profiles one categorical or boolean column in one pass with bounded memory: a Misra–Gries counter
 * (`FrequentItems`) exact while the column has at most `trackingCapacity` distinct values, then
 * listing the `maxCategories` most frequent with the rest as "other".
 */
import { FrequentItems } from '../sketches/index.js';
import type { BooleanFeatureProfile, CategoricalFeatureProfile } from './schema.js';
import type { ColumnTotals } from './numeric-column-profiler.js';

export interface CategoricalColumnOptions {
  kind: 'categorical' | 'boolean';
  /** Categories listed in the profile (most frequent first); the rest is summed in `otherCount`. */
  maxCategories: number;
  /** Distinct values counted exactly; beyond, counts become Misra–Gries lower bounds. */
  trackingCapacity: number;
  /** Boolean columns only: also accept 0/1 and the strings "true"/"false" (the user chose boolean). */
  acceptLooseBooleans: boolean;
}

/** @internal */
export class CategoricalColumnProfiler {
  readonly options: CategoricalColumnOptions;
  readonly #items: FrequentItems;
  #typeErrors = 0;

  constructor(options: CategoricalColumnOptions) {
    this.options = options;
    this.#items = FrequentItems.create(options.kind === 'boolean' ? 2 : options.trackingCapacity);
  }

  #label(value: unknown): string | undefined {
    if (this.options.kind === 'boolean') {
      if (typeof value === 'boolean') return String(value);
      if (!this.options.acceptLooseBooleans) return undefined;
      if (value === 0 || value === 1 || value === 0n || value === 1n) return String(value == 1);
      if (value === 'true' || value === 'false') return value;
      return undefined;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** Records one non-missing value; a value the kind cannot take is counted as a type error. */
  add(value: unknown): void {
    const label = this.#label(value);
    if (label === undefined) this.#typeErrors++;
    else this.#items.add(label);
  }

  get count(): number {
    return this.#items.total;
  }

  get typeErrorCount(): number {
    return this.#typeErrors;
  }

  /** The categorical (or boolean) feature profile of everything added so far. */
  finish(totals: ColumnTotals): CategoricalFeatureProfile | BooleanFeatureProfile {
    const total = this.#items.total;
    const fraction = (count: number): number => (total > 0 ? count / total : 0);
    const entries = this.#items.entries();
    const listed =
      this.options.kind === 'boolean'
        ? ['false', 'true'].map((value) => ({ item: value, count: this.#items.count(value) }))
        : entries.slice(0, this.options.maxCategories);
    let listedCount = 0;
    for (const entry of listed) listedCount += entry.count;
    const otherCount = total - listedCount;
    const exact = this.#items.exact;
    const missingCount = totals.rowCount - total - this.#typeErrors;
    return {
      kind: this.options.kind,
      role: totals.role,
      count: total,
      missingCount,
      missingRate: totals.rowCount > 0 ? missingCount / totals.rowCount : 0,
      typeErrorCount: this.#typeErrors,
      ...(totals.importance === undefined ? {} : { importance: totals.importance }),
      categories: listed.map(({ item, count }) => ({ value: item, count, fraction: fraction(count) })),
      otherCount,
      otherFraction: fraction(otherCount),
      cardinality: exact ? entries.length : this.options.trackingCapacity + 1,
      cardinalityExact: exact,
      categoriesExact: exact,
    };
  }
}
