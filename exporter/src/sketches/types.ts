/**
 * The one shape every mergeable summary in this folder has (after OpenTelemetry's aggregator
 * contract, `sdk-metrics/src/aggregator/types.ts`): create, record, merge, convert. Replicas'
 * states are merged into one; a time window is a ring of sub-window states merged on read.
 */
export interface MergeableSketch<Self> {
  /** A NEW sketch summarising both inputs; neither input is modified. */
  merge(other: Self): Self;
  /** True when nothing (not even an ignored value) has been recorded. */
  isEmpty(): boolean;
  /** An upper bound, in bytes, of the memory this sketch retains (typed arrays, maps, strings). */
  approxBytes(): number;
  /** A plain JSON-serialisable object with a stable `type` tag; `fromJSON` of the class reads it back exactly. */
  toJSON(): unknown;
}

/** An estimate computed from sketches with a guaranteed bound on its error. */
export interface SketchEstimate {
  /** The estimate. */
  value: number;
  /** A bound on |true - value| that holds for the sketches' contents (see the estimating function for its direction). */
  maxError: number;
}
