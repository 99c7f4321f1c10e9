/**
 * The streaming adapters must agree with the batch adapters beyond the stored vectors: generated
 * cases in the vectors' format (other sizes, pos_label 0, one class, a third label, string groups)
 * run through both and are compared leaf by leaf at the vectors' usual tolerance.
 */
import fc from 'fast-check';
import { loadAdapters } from './adapters-registry.js';
import { compareValue, type Mismatch } from './compare.js';
import { ComputedError, type FamilyAdapter, type VectorCase } from './types.js';

const adapters = await loadAdapters();
const tolerance = { abs: 1e-12, rel: 1e-9 };

function outcome(adapter: FamilyAdapter, testCase: VectorCase): Record<string, unknown> {
  try {
    return adapter.run(testCase);
  } catch (error) {
    return { thrown: new ComputedError(error instanceof Error ? error.message : String(error)) };
  }
}

/** Error values compare as "an error" whatever the message. */
function normalise(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value instanceof ComputedError ? 'error' : value]));
}

function expectAgreement(family: string, testCase: VectorCase): void {
  const variants = adapters.get(family) ?? [];
  const batch = variants.find((entry) => entry.variant === undefined)?.adapter as FamilyAdapter;
  const streaming = variants.filter((entry) => entry.variant !== undefined);
  expect(streaming.length).toBeGreaterThanOrEqual(2);
  const expected = normalise(outcome(batch, testCase));
  for (const { variant, adapter } of streaming) {
    const mismatches: Mismatch[] = [];
    compareValue(normalise(outcome(adapter, testCase)), expected, tolerance, `${family} (${variant})`, mismatches);
    if (mismatches.length > 0) throw new Error(`${JSON.stringify(testCase.input)}\n${mismatches.map((m) => `${m.path}: ${String(m.actual)} vs ${String(m.expected)}`).join('\n')}`);
  }
}

const caseOf = (group: string | undefined, input: Record<string, unknown>): VectorCase => ({ id: 'generated', ...(group === undefined ? {} : { group }), input, expected: {}, tolerance });

test('classification (binary): streaming agrees with batch, including pos_label 0, one class and a third label', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(0, 1, 1, 0, 2), fc.constantFrom(0, 1), fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1))), { minLength: 1, maxLength: 40 }),
      fc.constantFrom(undefined, 0, 1),
      fc.boolean(),
      (rows, posLabel, onlyBinaryTruth) => {
        const kept = onlyBinaryTruth ? rows.map(([t, p, s]) => [t === 2 ? 1 : t, p, s] as const) : rows;
        expectAgreement('classification', caseOf('binary', {
          task: 'binary',
          y_true: kept.map((r) => r[0]),
          y_pred: kept.map((r) => r[1]),
          y_score: kept.map((r) => r[2]),
          ...(posLabel === undefined ? {} : { pos_label: posLabel }),
        }));
      },
    ),
  );
});

test('classification (multiclass): streaming agrees with batch', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 3), fc.constantFrom(0, 1, 2, 3), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 40 }), (rows) => {
      expectAgreement('classification', caseOf('multiclass', {
        task: 'multiclass',
        y_true: rows.map((r) => r[0]),
        y_pred: rows.map((r) => r[1]),
        y_prob: rows.map((r) => r[2].map((p) => p / r[2].reduce((a, b) => a + b, 0))),
      }));
    }),
  );
});

test('regression and fairness: streaming agrees with batch', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), fc.constantFrom('a', 'b', 'c'), fc.constantFrom(0, 1), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 40 }), (rows) => {
      expectAgreement('regression', { ...caseOf(undefined, { y_true: rows.map((r) => r[0] / 10), y_pred: rows.map((r) => r[1] / 10) }), expected: { mae: 0, 'pinball_0.25': 0 } });
      expectAgreement('fairness', caseOf(undefined, { y_true: rows.map((r) => r[3]), y_pred: rows.map((r) => r[4]), group: rows.map((r) => r[2]) }));
    }),
  );
});
