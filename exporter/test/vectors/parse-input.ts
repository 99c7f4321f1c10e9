import type { z } from 'zod';
import { UnsupportedCaseError, type VectorCase } from './types.js';

/**
 * Validates a case's input against the adapter's zod schema; a shape the adapter does not
 * understand becomes an UnsupportedCaseError naming the field (the case then counts as failed).
 *
 * @example const { x, y } = parseInput(z.object({ x: z.array(z.number()), y: z.array(z.number()) }), c);
 */
export function parseInput<S extends z.ZodType>(schema: S, testCase: VectorCase): z.infer<S> {
  const result = schema.safeParse(testCase.input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
    throw new UnsupportedCaseError(`input of case ${testCase.id} not understood: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Throws UnsupportedCaseError unless the case's group is one the adapter knows. */
export function requireGroup<G extends string>(testCase: VectorCase, known: readonly G[]): G {
  const group = testCase.group;
  if (group === undefined || !(known as readonly string[]).includes(group)) {
    throw new UnsupportedCaseError(`group ${JSON.stringify(group)} of case ${testCase.id} not understood (known: ${known.join(', ')})`);
  }
  return group as G;
}
