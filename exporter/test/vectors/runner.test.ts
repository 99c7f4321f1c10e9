/** Unit tests of the vector runner's own logic (decoding, tolerance, error cases, unsupported shapes). */
import { adapterLabel, loadAdapters } from './adapters-registry.js';
import { compareValue, numbersClose, type Mismatch } from './compare.js';
import { decodeNonFinite } from './load-vectors.js';
import { formatReport } from './report.js';
import { runCase } from './run-case.js';
import { ComputedError, UnsupportedCaseError, attempt, type FamilyAdapter, type VectorCase } from './types.js';

const baseCase: VectorCase = {
  id: 'c1',
  input: { x: [1, 2] },
  expected: { total: 3, parts: [1, 2], label: 'a' },
  tolerance: { abs: 1e-12, rel: 1e-9, per_field: { total: { abs: 0.5, rel: 0 } } },
};

const adapterReturning = (fields: Record<string, unknown>): FamilyAdapter => ({ family: 'demo', run: () => fields });

test('non-finite strings decode to numbers at any depth; other strings stay', () => {
  expect(decodeNonFinite({ a: ['NaN', 'Infinity', '-Infinity', 'x'], b: { c: 'NaN' } })).toEqual({
    a: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'x'],
    b: { c: Number.NaN },
  });
});

test('numbersClose follows numpy.isclose and matches NaN with NaN only', () => {
  expect(numbersClose(1 + 1e-10, 1, { abs: 0, rel: 1e-9 })).toBe(true);
  expect(numbersClose(1 + 1e-8, 1, { abs: 0, rel: 1e-9 })).toBe(false);
  expect(numbersClose(Number.NaN, Number.NaN, { abs: 0, rel: 0 })).toBe(true);
  expect(numbersClose(0, Number.NaN, { abs: 1, rel: 1 })).toBe(false);
  expect(numbersClose(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, { abs: 0, rel: 0 })).toBe(true);
  expect(numbersClose(1e308, Number.POSITIVE_INFINITY, { abs: 1, rel: 1 })).toBe(false);
});

test('compareValue reports every differing leaf with its path', () => {
  const out: Mismatch[] = [];
  compareValue({ a: [1, 2.5], b: 'x' }, { a: [1, 2], b: 'y', c: 1 }, { abs: 0, rel: 0 }, 'f', out);
  expect(out.map((m) => m.path)).toEqual(['f.a[1]', 'f.b', 'f.c']);
  const typed: Mismatch[] = [];
  compareValue(new Float64Array([1, 2]), [1, 2], { abs: 0, rel: 0 }, 'g', typed);
  expect(typed).toEqual([]);
});

test('a passing case compares the claimed fields at per-field tolerance and lists unclaimed ones', () => {
  const result = runCase('demo', adapterReturning({ total: 3.4, parts: [1, 2] }), baseCase);
  expect(result.passed).toBe(true);
  expect(result.compared).toEqual(['total', 'parts']);
  expect(result.unclaimed).toEqual(['label']);
});

test('a value outside tolerance fails', () => {
  const result = runCase('demo', adapterReturning({ total: 3.6 }), baseCase);
  expect(result.passed).toBe(false);
  expect(result.mismatches[0]?.path).toBe('total');
});

test('a family without adapter, an unsupported shape, or no claimed field fails', () => {
  expect(runCase('demo', undefined, baseCase).problem).toMatch(/not implemented/);
  const unsupported: FamilyAdapter = { family: 'demo', run: () => { throw new UnsupportedCaseError('group z'); } };
  expect(runCase('demo', unsupported, baseCase)).toMatchObject({ passed: false, problem: 'unsupported: group z' });
  expect(runCase('demo', adapterReturning({ other: 1 }), baseCase).passed).toBe(false);
});

test('reference errors must be matched by raising, whole-case and per-field', () => {
  const wholeError: VectorCase = { ...baseCase, expected: { error: 'ValueError', message: 'bad' } };
  const throwing: FamilyAdapter = { family: 'demo', run: () => { throw new Error('bad input'); } };
  expect(runCase('demo', throwing, wholeError).passed).toBe(true);
  expect(runCase('demo', adapterReturning({ total: 1 }), wholeError).passed).toBe(false);
  const fieldError: VectorCase = { ...baseCase, expected: { auc: { error: 'ValueError', message: 'one class' } } };
  expect(runCase('demo', adapterReturning({ auc: attempt(() => { throw new Error('one class'); }) }), fieldError).passed).toBe(true);
  expect(runCase('demo', adapterReturning({ auc: 0.5 }), fieldError).passed).toBe(false);
  expect(runCase('demo', adapterReturning({ total: new ComputedError('x') }), baseCase).passed).toBe(false);
});

test('the report ends with the plain closing line', () => {
  const report = formatReport([runCase('demo', adapterReturning({ total: 3 }), baseCase)], ['broken.json: cannot read']);
  expect(report.trim().split('\n').at(-1)).toBe('vectors: 1 passed, 1 failed');
});

test('adapters/<family>.<variant>.ts registers a variant of the family, shown as "family (variant)"', async () => {
  const adapters = await loadAdapters();
  const classification = adapters.get('classification') ?? [];
  expect(classification.map((entry) => entry.variant)).toEqual(expect.arrayContaining([undefined, 'streaming', 'streaming-halves']));
  expect(classification.every((entry) => entry.adapter.family === 'classification')).toBe(true);
  expect(adapterLabel('classification', 'streaming')).toBe('classification (streaming)');
  expect(adapterLabel('classification', undefined)).toBe('classification');
});
