import type { z } from 'zod';

/**
 * Validates the JSON form of a sketch with its zod schema and returns the parsed value; on failure
 * throws a TypeError whose message names the class and the offending field, e.g.
 * `FixedEdgeHistogram.fromJSON: counts[2]: Too small: expected number to be >=0`.
 *
 * @internal
 */
export function parseSketchJson<T>(className: string, schema: z.ZodType<T>, json: unknown): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '(root)' : formatPath(issue.path);
  throw new TypeError(`${className}.fromJSON: ${where}: ${issue?.message ?? 'invalid value'}`);
}

/** Throws the same kind of error as {@link parseSketchJson} for a cross-field rule zod did not check. @internal */
export function invalidSketchJson(className: string, field: string, message: string): never {
  throw new TypeError(`${className}.fromJSON: ${field}: ${message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** `x` with -0 turned into 0, so that toJSON → JSON → fromJSON → toJSON is the identity. @internal */
export function withoutNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}
