/**
 * Prediction logging through a real sdk-logs LoggerProvider with an in-memory exporter: off by default,
 * per-field drop / hash (HMAC-SHA256 under the user's secret) / keep, ids hashed and raw features dropped
 * by default, sampling and a rate limit that bound the volume, and a `log()` that never throws.
 */
import { createHmac } from 'node:crypto';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import fc from 'fast-check';
import { createPredictionLogger, PREDICTION_LOG_EVENT, type PredictionLoggerOptions } from '../../src/logging/index.js';

const SECRET = 'a-test-secret-of-more-than-16-bytes';
const MODEL = { name: 'fraud', version: '3' };

function setup(options: Omit<PredictionLoggerOptions, 'model' | 'loggerProvider'> = {}) {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = createPredictionLogger({ model: MODEL, loggerProvider: provider, secret: SECRET, ...options });
  return { exporter, logger, records: () => exporter.getFinishedLogRecords() };
}

const hmac = (text: string, length = 16) => createHmac('sha256', SECRET).update(text).digest('hex').slice(0, length);

describe('createPredictionLogger', () => {
  it('is off by default: nothing is written, even at sample rate 1', () => {
    const { logger, records } = setup({ sampleRate: 1 });
    for (let i = 0; i < 100; i++) logger.log({ id: i, features: { amount: i } });
    expect(logger.enabled).toBe(false);
    expect(records()).toHaveLength(0);
  });

  it('hashes the id with HMAC-SHA256 under the secret, drops raw features, keeps prediction and score by default', () => {
    const { logger, records } = setup({ enabled: true, sampleRate: 1 });
    logger.log({ id: 'req-7', features: { amount: 42.5, email: 'someone@example.com' }, prediction: 'fraud', score: 0.93, timestamp: 1_700_000_000_000 });
    const [record] = records();
    expect(record?.eventName).toBe(PREDICTION_LOG_EVENT);
    expect(record?.hrTime).toEqual([1_700_000_000, 0]);
    expect(record?.attributes).toEqual({
      'ml.model.name': 'fraud',
      'ml.model.version': '3',
      'ml.prediction.id': hmac('req-7'),
      'ml.prediction.value': 'fraud',
      'ml.prediction.score': 0.93,
    });
  });

  it('applies the per-field policy: keep, hash, drop; hashes of equal values are equal, so lines still join', () => {
    const { logger, records } = setup({ enabled: true, sampleRate: 1, features: { country: 'keep', email: 'hash', amount: 'drop' }, id: 'keep', hashLength: 32 });
    logger.log({ id: 17, features: { country: 'DE', email: 'a@b.c', amount: 10, other: 'x' } });
    logger.log({ id: 18, features: { country: 'FR', email: 'a@b.c' } });
    const [first, second] = records().map((record) => record.attributes);
    expect(first).toMatchObject({ 'ml.prediction.id': 17, 'ml.feature.country': 'DE', 'ml.feature.email': hmac('a@b.c', 32) });
    expect(first).not.toHaveProperty(['ml.feature.amount']);
    expect(first).not.toHaveProperty(['ml.feature.other']);
    expect(second?.['ml.feature.email']).toBe(first?.['ml.feature.email']);
  });

  it('a different secret gives unrelated hashes (the key matters, not just the value)', () => {
    const a = setup({ enabled: true, sampleRate: 1 });
    const exporter = new InMemoryLogRecordExporter();
    const other = createPredictionLogger({ model: MODEL, enabled: true, sampleRate: 1, secret: 'another-secret-of-enough-bytes', loggerProvider: new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] }) });
    a.logger.log({ id: 'same' });
    other.log({ id: 'same' });
    expect(a.records()[0]?.attributes['ml.prediction.id']).not.toBe(exporter.getFinishedLogRecords()[0]?.attributes['ml.prediction.id']);
  });

  it('samples: with random() cycling over [0, 1) in steps of 0.001, exactly 10 % of calls are written', () => {
    let tick = 0;
    const { logger, records } = setup({ enabled: true, sampleRate: 0.1, maxPerSecond: 100_000, random: () => (tick++ % 1000) / 1000 });
    for (let i = 0; i < 10_000; i++) logger.log({ id: i });
    expect(records()).toHaveLength(1000);
    expect(logger.stats()).toEqual({ considered: 10_000, sampledOut: 9000, rateLimited: 0, emitted: 1000, failed: 0 });
  });

  it('never floods: 100 000 sampled calls within one clock second write at most maxPerSecond records, then refill', () => {
    let now = 1_000_000;
    const { logger, records } = setup({ enabled: true, sampleRate: 1, maxPerSecond: 50, now: () => now });
    for (let i = 0; i < 100_000; i++) logger.log({ id: i });
    expect(records()).toHaveLength(50);
    now += 500;
    for (let i = 0; i < 1000; i++) logger.log({ id: i });
    expect(records()).toHaveLength(75);
    expect(logger.stats().rateLimited).toBe(100_000 - 50 + 1000 - 25);
  });

  it('never throws and never writes objects, huge strings or unbounded feature names (fast-check)', () => {
    const { logger, records } = setup({ enabled: true, sampleRate: 1, maxPerSecond: 100_000, defaultFeaturePolicy: 'keep', maxStringLength: 64, maxFeatures: 8 });
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }), fc.dictionary(fc.string({ maxLength: 300 }), fc.anything()), (anything, features) => {
        expect(() => logger.log(anything as never)).not.toThrow();
        expect(() => logger.log({ id: anything, prediction: anything, score: anything, features: { ...features, __proto__: anything } as never, timestamp: anything as never })).not.toThrow();
      }),
      { numRuns: 300 },
    );
    expect(records().length).toBeGreaterThan(0);
    for (const record of records()) {
      const entries = Object.entries(record.attributes);
      expect(entries.length).toBeLessThanOrEqual(5 + 8);
      for (const [key, value] of entries) {
        expect(key.length).toBeLessThanOrEqual('ml.feature.'.length + 128);
        expect(['string', 'number', 'boolean']).toContain(typeof value);
        if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(64);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a throwing LoggerProvider never reaches the caller: the call is counted as failed', () => {
    const logger = createPredictionLogger({
      model: MODEL, enabled: true, sampleRate: 1, secret: SECRET,
      loggerProvider: { getLogger: () => ({ emit: () => { throw new Error('exporter exploded'); }, enabled: () => true }) },
    });
    expect(() => logger.log({ id: 1 })).not.toThrow();
    expect(logger.stats()).toMatchObject({ emitted: 0, failed: 1 });
  });

  it.each([
    [{ enabled: true }, /options\.secret is required because a field uses the 'hash' policy/],
    [{ enabled: true, secret: 'short' }, /options\.secret must be at least 16 bytes; got 5 bytes/],
    [{ sampleRate: 1.5 }, /options\.sampleRate must be a number in \[0, 1\]; got 1\.5/],
    [{ maxPerSecond: 0 }, /options\.maxPerSecond must be a number in \[1, 100000\]; got 0/],
    [{ id: 'encrypt' }, /options\.id must be one of 'drop', 'hash', 'keep'; got "encrypt"/],
    [{ features: { email: 'mask' } }, /options\.features\.email must be one of 'drop', 'hash', 'keep'; got "mask"/],
    [{ hashLength: 4 }, /options\.hashLength must be a whole number in \[8, 64\]; got 4/],
    [{ sampleRat: 0.1 }, /unknown option\(s\) sampleRat/],
  ])('rejects bad options with a message naming the field: %j', (bad, message) => {
    expect(() => createPredictionLogger({ model: MODEL, ...(bad as object) } as PredictionLoggerOptions)).toThrow(message);
  });

  it('never echoes the secret in an error', () => {
    expect(() => createPredictionLogger({ model: MODEL, secret: 'tiny-secret' })).toThrow(/got 11 bytes$/);
  });
});
