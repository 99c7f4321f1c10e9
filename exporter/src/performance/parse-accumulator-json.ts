import type { z } from 'zod';

/**
 * Validates an accumulator's JSON form with its zod schema; on failure throws a TypeError naming the
 * class and the offending field, e.g. `RegressionAccumulator.fromJSON: count: Too small: ...`.
 *
 * @internal
 */
export function parseAccumulatorJson<T>(className: string, schema: z.ZodType<T>, json: unknown): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
  throw new TypeError(`${className}.fromJSON: ${where}: ${issue?.message ?? 'invalid value'}`);
}

/** Throws a RangeError unless `value` is an integer >= `minimum`; names the option. @internal */
export function assertIntegerOption(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer >= ${minimum}, got ${String(value)}`);
  }
}
