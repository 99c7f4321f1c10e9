import { closenessFor, compareValue, isExpectedError, type Mismatch } from './compare.js';
import { UnsupportedCaseError, type FamilyAdapter, type VectorCase } from './types.js';

/** The outcome of one vector case. */
export interface CaseResult {
  family: string;
  id: string;
  group: string;
  passed: boolean;
  /** Expected fields that were compared. */
  compared: string[];
  /** Expected fields the adapter does not compute (alternative conventions, format rule 6). */
  unclaimed: string[];
  mismatches: Mismatch[];
  /** Why the case could not be run at all (unsupported shape, unexpected throw, no adapter). */
  problem?: string;
}

/**
 * Runs one case through its family adapter and compares every claimed field at the case's tolerance.
 * A case passes only if at least one field was compared and nothing differed.
 */
export function runCase(family: string, adapter: FamilyAdapter | undefined, testCase: VectorCase): CaseResult {
  const base = { family, id: testCase.id, group: testCase.group ?? '-' };
  const expectedFields = Object.keys(testCase.expected);
  if (adapter === undefined) {
    return { ...base, passed: false, compared: [], unclaimed: expectedFields, mismatches: [], problem: 'not implemented: no adapter for this family' };
  }
  const wholeCaseIsError = isExpectedError(testCase.expected);
  let computed: Record<string, unknown>;
  try {
    computed = adapter.run(testCase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UnsupportedCaseError) {
      return { ...base, passed: false, compared: [], unclaimed: expectedFields, mismatches: [], problem: `unsupported: ${message}` };
    }
    if (wholeCaseIsError) return { ...base, passed: true, compared: ['error'], unclaimed: [], mismatches: [] };
    return { ...base, passed: false, compared: [], unclaimed: expectedFields, mismatches: [], problem: `threw: ${message}` };
  }
  if (wholeCaseIsError) {
    return { ...base, passed: false, compared: [], unclaimed: [], mismatches: [], problem: 'the reference raised for this input; the implementation returned a value' };
  }
  const compared = expectedFields.filter((field) => field in computed);
  const unclaimed = expectedFields.filter((field) => !(field in computed));
  const mismatches: Mismatch[] = [];
  for (const field of compared) {
    compareValue(computed[field], testCase.expected[field], closenessFor(testCase.tolerance, field), field, mismatches);
  }
  if (compared.length === 0) {
    return { ...base, passed: false, compared, unclaimed, mismatches, problem: 'the adapter computed none of the expected fields' };
  }
  return { ...base, passed: mismatches.length === 0, compared, unclaimed, mismatches };
}
