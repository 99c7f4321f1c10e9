/**
 * The practical limit of the hot path: what a hand-written loop costs to put each value in its
 * reference bin (binary search over the edges, numpy searchsorted side='right') and increment a
 * Float64Array, with none of the monitor's bookkeeping (windows, quality checks, clock).
 */
import type { Observation, ReferenceProfile } from '@modelwatch/otel';

/** Index of the bin holding `value`: the number of edges ≤ value. */
export function searchBin(edges: Float64Array, value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((edges[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Bin counters for every profile column, filled per row like the monitor's hot path but bare. */
export class BareBinCounter {
  private readonly numericNames: string[];
  private readonly edges: Float64Array[];
  private readonly numericCounts: Float64Array[];
  private readonly categoricalNames: string[];
  private readonly categoryIndexes: Map<string, number>[];
  private readonly categoricalCounts: Float64Array[];

  constructor(profile: ReferenceProfile) {
    this.numericNames = [];
    this.edges = [];
    this.numericCounts = [];
    this.categoricalNames = [];
    this.categoryIndexes = [];
    this.categoricalCounts = [];
    for (const name of profile.featureOrder) {
      const feature = profile.features[name];
      if (feature === undefined) continue;
      if (feature.kind === 'numeric') {
        this.numericNames.push(name);
        this.edges.push(Float64Array.from(feature.binEdges));
        this.numericCounts.push(new Float64Array(feature.binEdges.length + 1));
      } else {
        this.categoricalNames.push(name);
        this.categoryIndexes.push(new Map(feature.categories.map((entry, index) => [entry.value, index])));
        this.categoricalCounts.push(new Float64Array(feature.categories.length + 1));
      }
    }
  }

  /** Counts one row's values: a binary search per number, a Map lookup per category. */
  record(observation: Observation): void {
    const features = observation.features as Record<string, unknown>;
    for (let column = 0; column < this.numericNames.length; column++) {
      const value = features[this.numericNames[column] as string];
      if (typeof value === 'number') (this.numericCounts[column] as Float64Array)[searchBin(this.edges[column] as Float64Array, value)]! += 1;
    }
    for (let column = 0; column < this.categoricalNames.length; column++) {
      const value = features[this.categoricalNames[column] as string];
      const counts = this.categoricalCounts[column] as Float64Array;
      counts[(this.categoryIndexes[column] as Map<string, number>).get(value as string) ?? counts.length - 1]! += 1;
    }
  }
}

/** Counts a whole Float64Array column into `counts` on `edges`. */
export function countColumn(edges: Float64Array, column: Float64Array, counts: Float64Array): void {
  for (let index = 0; index < column.length; index++) counts[searchBin(edges, column[index] as number)]! += 1;
}
