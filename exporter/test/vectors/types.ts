/**
 * Shapes shared by the reference-vector runner and the per-family adapters.
 * Format: ../shared/reference-vectors/README.md.
 */

/** Tolerance of one case: |actual - expected| <= abs + rel * |expected| (numpy.isclose). */
export interface Tolerance {
  abs: number;
  rel: number;
  per_field?: Record<string, { abs: number; rel: number }>;
}

/** One case of a vector file, with non-finite strings already decoded to numbers. */
export interface VectorCase {
  id: string;
  group?: string;
  split?: string;
  seed?: number;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  tolerance: Tolerance;
  notes?: string[];
}

/** A whole vector file (one family). */
export interface VectorFile {
  family: string;
  reference?: unknown;
  definition?: unknown;
  cases: VectorCase[];
}

/**
 * The error a computation raised, kept as a value so that a case whose expected value is
 * `{"error": ...}` can be compared (the reference raised there, so must we).
 */
export class ComputedError {
  constructor(readonly message: string) {}
}

/**
 * What an adapter computes for one case: a value per expected field it claims to compute.
 * Nested objects and arrays are compared leaf by leaf. A field whose computation threw
 * is a ComputedError (use `attempt`). Fields it does not return are reported as "not claimed".
 */
export type ComputedFields = Record<string, unknown>;

/**
 * Maps one family's cases onto the library's public functions.
 * `run` must throw UnsupportedCaseError for any group or input shape it does not understand,
 * and must never special-case a case id.
 */
export interface FamilyAdapter {
  family: string;
  run(testCase: VectorCase): ComputedFields;
}

/** Thrown by an adapter for a case shape or group it does not understand: counted as failed. */
export class UnsupportedCaseError extends Error {}

/** Runs `compute`, turning a thrown error into a ComputedError value. */
export function attempt<T>(compute: () => T): T | ComputedError {
  try {
    return compute();
  } catch (error) {
    return new ComputedError(error instanceof Error ? error.message : String(error));
  }
}
