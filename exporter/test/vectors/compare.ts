import { ComputedError, type Tolerance } from './types.js';

/** One leaf where the computed value differs from the reference. */
export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
  reason: string;
}

interface Closeness {
  abs: number;
  rel: number;
}

/** An expected value the reference produced by raising: `{"error": "ValueError", "message": "..."}`. */
export function isExpectedError(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { error?: unknown }).error === 'string';
}

/** numpy.isclose semantics; NaN matches NaN, infinities must be identical. */
export function numbersClose(actual: number, expected: number, { abs, rel }: Closeness): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

function describe(value: unknown): string {
  if (value instanceof ComputedError) return `error(${value.message})`;
  if (ArrayBuffer.isView(value)) return `[${Array.from(value as unknown as ArrayLike<number>).join(', ')}]`;
  const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'number' && !Number.isFinite(inner) ? String(inner) : inner));
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function toArray(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return undefined;
}

/** Compares one computed value with the reference, leaf by leaf, collecting every mismatch. */
export function compareValue(actual: unknown, expected: unknown, closeness: Closeness, path: string, out: Mismatch[]): void {
  const fail = (reason: string): void => {
    out.push({ path, expected: describe(expected), actual: describe(actual), reason });
  };
  if (isExpectedError(expected)) {
    if (!(actual instanceof ComputedError)) fail('the reference raised here; the implementation must raise too');
    return;
  }
  if (actual instanceof ComputedError) return fail(`raised: ${actual.message}`);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return fail('expected a number');
    if (!numbersClose(actual, expected, closeness)) fail(`outside tolerance abs ${closeness.abs} + rel ${closeness.rel}`);
    return;
  }
  if (typeof expected === 'string' || typeof expected === 'boolean' || expected === null) {
    if (actual !== expected) fail('must match exactly');
    return;
  }
  if (Array.isArray(expected)) {
    const actualArray = toArray(actual);
    if (actualArray === undefined) return fail('expected an array');
    if (actualArray.length !== expected.length) return fail(`length ${actualArray.length}, expected ${expected.length}`);
    expected.forEach((item, index) => compareValue(actualArray[index], item, closeness, `${path}[${index}]`, out));
    return;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return fail('expected an object');
    const actualRecord = actual as Record<string, unknown>;
    for (const [key, inner] of Object.entries(expected as Record<string, unknown>)) {
      if (!(key in actualRecord)) {
        out.push({ path: `${path}.${key}`, expected: describe(inner), actual: 'missing', reason: 'field not computed' });
        continue;
      }
      compareValue(actualRecord[key], inner, closeness, `${path}.${key}`, out);
    }
    return;
  }
  fail(`reference value of type ${typeof expected} not understood`);
}

/** The closeness that applies to top-level expected field `field`. */
export function closenessFor(tolerance: Tolerance, field: string): Closeness {
  return tolerance.per_field?.[field] ?? { abs: tolerance.abs, rel: tolerance.rel };
}
