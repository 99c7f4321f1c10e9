/**
 * fast-check arbitraries of hostile input: every class of bad value the reliability tests feed the
 * monitor, mixed with valid ones so that "no valid value is lost" can be checked in the same rows.
 */
import fc from 'fast-check';

/** Keys that attack prototypes when a parser or a merge treats them naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings longer than the monitor's default limit (256), including astral-plane characters. */
export const hugeString = fc.oneof(
  fc.constantFrom('y'.repeat(256), 'y'.repeat(257)), // either side of the limit
  fc.integer({ min: 257, max: 5000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 129, max: 2000 }).map((length) => '🦄'.repeat(length)),
);

/** Unicode text: lone surrogates, combining marks, RTL, NUL and line breaks included. */
export const unicodeString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\uD800', 'e\u0301', '\u202Eevil', 'line\nbreak', 'ß', '日本語', '🦄', ' red', 'RED'),
);

/** Every value class the tests throw at a feature. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, subnormals
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
  fc.boolean(),
  fc.constantFrom(null, undefined, '', 'red', 'green', 'blue', 'true', 'false', 'a', 'b'),
  unicodeString,
  hugeString,
  fc.date(),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.constant(Symbol('feature')),
  fc.constant(() => 1),
  fc.constant(Object.create(null) as unknown),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

/** Feature names: the profile's columns, prototype keys, unknown names, unicode and huge names. */
export function featureName(columns: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...columns) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: unicodeString },
    { weight: 1, arbitrary: hugeString },
  );
}

/** A features object (optionally with `exactValues` such as bin edges mixed in) built with own data properties only (so `__proto__` is an own key, as JSON.parse makes it). */
export function featuresObject(columns: readonly string[], exactValues: readonly unknown[] = []): fc.Arbitrary<Record<string, unknown>> {
  const value = exactValues.length === 0 ? hostileValue : fc.oneof(hostileValue, fc.constantFrom(...exactValues));
  return fc.array(fc.tuple(featureName(columns), value), { maxLength: 12 }).map((entries) => Object.fromEntries(entries));
}

/** A snapshot of Object.prototype's own keys and a probe, to prove nothing was polluted. */
export function prototypeFingerprint(): string {
  const probe = {} as Record<string, unknown>;
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), probe.polluted, Object.getOwnPropertyNames(Array.prototype).length]);
}
