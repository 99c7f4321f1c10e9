/**
 * Property-based fuzzing of `monitor.label(id, actual)` interleaved with `observe({ id })`: hostile ids
 * (empty, too long, NaN, objects, prototype keys, numbers that collide with strings) and hostile actuals.
 * Compared with a model of the documented join: never a throw, every call counted under exactly one
 * outcome (joined, duplicate, unknown_id, invalid), the pending store equal to the model, no prototype polluted.
 */
import fc from 'fast-check';
import { createModelMonitor } from '../../src/monitor/index.js';
import { referenceProfile, testMeterProvider } from '../monitor/monitor-fixture.js';
import { prototypeFingerprint } from './hostile-values.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const reference = referenceProfile();

const validId = fc.oneof(fc.constantFrom('r1', 'r2', 'r3', '1', '2', '__proto__', 'constructor', 'prototype', 'x'.repeat(128), '🦄'), fc.constantFrom(1, 2, 3, -0, 0));
const invalidId = fc.constantFrom('', 'x'.repeat(129), Number.NaN, Number.POSITIVE_INFINITY, true, {}, [], Symbol('id'), () => 1);
const validActual = fc.constantFrom('a', 'b');
const invalidActual = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, {}, [], undefined, null, Symbol('y'), 'z'.repeat(300));

type Op = { kind: 'observe'; id: unknown; prediction: string } | { kind: 'label'; id: unknown; actual: unknown; valid: boolean };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('observe' as const), id: fc.oneof(validId, invalidId), prediction: validActual }),
  fc.oneof(
    fc.record({ kind: fc.constant('label' as const), id: fc.oneof(validId, invalidId), actual: validActual, valid: fc.constant(true) }),
    fc.record({ kind: fc.constant('label' as const), id: validId, actual: invalidActual, valid: fc.constant(false) }),
  ),
);

/** The key a valid id is stored under (numbers and their decimal strings are the same id), or undefined. */
function keyOf(id: unknown): string | undefined {
  if (typeof id === 'string') return id.length >= 1 && id.length <= 128 ? id : undefined;
  if (typeof id === 'number') return Number.isFinite(id) ? String(id === 0 ? 0 : id) : undefined;
  return undefined;
}

test(`${RUNS} interleavings of observe(id) and label(id, actual): outcomes and pending match the model`, () => {
  const fingerprint = prototypeFingerprint();
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const monitor = createModelMonitor({ model: { name: 'labels', version: '1' }, reference, meterProvider: testMeterProvider().provider, performance: { task: 'binary', positiveLabel: 'a' }, window: { count: 10_000 } });
      const pending = new Set<string>();
      const joined = new Set<string>();
      const outcomes = { joined: 0, duplicate: 0, unknown_id: 0, too_late: 0, invalid: 0 };
      let invalidIds = 0;
      for (const step of ops) {
        const key = keyOf(step.id);
        if (step.kind === 'observe') {
          expect(() => monitor.observe({ id: step.id as string, prediction: step.prediction, features: { x: 0.1 } })).not.toThrow();
          if (key === undefined) invalidIds++;
          else {
            pending.add(key);
            joined.delete(key);
          }
          continue;
        }
        expect(() => monitor.label(step.id as string, step.actual)).not.toThrow();
        if (key === undefined || !step.valid) outcomes.invalid++;
        else if (pending.delete(key)) {
          outcomes.joined++;
          joined.add(key);
        } else if (joined.has(key)) outcomes.duplicate++;
        else outcomes.unknown_id++;
      }
      const labels = monitor.snapshot().performance.labels;
      expect(labels.outcomes).toEqual(outcomes);
      expect(labels.pending).toBe(pending.size);
      expect(labels.invalidIds).toBe(invalidIds);
      expect(prototypeFingerprint()).toBe(fingerprint);
    }),
    { numRuns: RUNS },
  );
});
