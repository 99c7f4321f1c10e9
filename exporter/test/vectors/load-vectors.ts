import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { VectorFile } from './types.js';

const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/** Replaces the strings "NaN", "Infinity" and "-Infinity" by their numbers, everywhere (format rule 2). */
export function decodeNonFinite(value: unknown): unknown {
  if (typeof value === 'string') return value in NON_FINITE ? NON_FINITE[value] : value;
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decodeNonFinite(inner)]));
  }
  return value;
}

const toleranceSchema = z.object({
  abs: z.number().nonnegative(),
  rel: z.number().nonnegative(),
  per_field: z.record(z.string(), z.object({ abs: z.number().nonnegative(), rel: z.number().nonnegative() })).optional(),
});

const caseSchema = z.object({
  id: z.string().min(1),
  group: z.string().optional(),
  split: z.string().optional(),
  seed: z.number().optional(),
  input: z.record(z.string(), z.unknown()),
  expected: z.record(z.string(), z.unknown()),
  tolerance: toleranceSchema,
  notes: z.array(z.string()).optional(),
});

const fileSchema = z.object({
  family: z.string().min(1),
  reference: z.unknown().optional(),
  definition: z.unknown().optional(),
  cases: z.array(caseSchema).min(1),
});

/** A vector file that could be read, or the reason it could not (which counts as a failure). */
export type LoadedVectorFile = { fileName: string; file: VectorFile } | { fileName: string; error: string };

/**
 * Reads every `*.json` file in `directory` (sorted by name) and validates its shape.
 * A file that is not valid JSON or not in the vector format is returned with its error, never skipped.
 */
export function loadVectorDirectory(directory: string): LoadedVectorFile[] {
  const names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  return names.map((fileName) => {
    try {
      const raw: unknown = JSON.parse(readFileSync(join(directory, fileName), 'utf8'));
      const parsed = fileSchema.safeParse(raw);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        return { fileName, error: `not in the reference-vector format: ${problems}` };
      }
      const decodedCases = parsed.data.cases.map((testCase) => ({
        ...testCase,
        input: decodeNonFinite(testCase.input) as Record<string, unknown>,
        expected: decodeNonFinite(testCase.expected) as Record<string, unknown>,
      }));
      const ids = new Set<string>();
      for (const testCase of decodedCases) {
        if (ids.has(testCase.id)) return { fileName, error: `case id ${testCase.id} is not unique` };
        ids.add(testCase.id);
      }
      return { fileName, file: { ...parsed.data, cases: decodedCases } };
    } catch (error) {
      return { fileName, error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}
