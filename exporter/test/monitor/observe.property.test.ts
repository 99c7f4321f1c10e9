import fc from 'fast-check';
import { createModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { referenceProfile, testMeterProvider } from './monitor-fixture.js';

const reference = referenceProfile();

function newMonitor() {
  const { provider, reader } = testMeterProvider();
  return { reader, monitor: createModelMonitor({ model: { name: 'm', version: '1' }, reference, meterProvider: provider, window: { count: 100_000 }, segments: { attribute: 'region', cap: 3 } }) };
}

const samples = (monitor: ReturnType<typeof createModelMonitor>, name: string): number => monitor.snapshot().features.find((feature) => feature.name === name)?.samples ?? Number.NaN;

describe('observe never hurts the host (fast-check)', () => {
  it('never throws for arbitrary input, and collection still works', async () => {
    const { monitor, reader } = newMonitor();
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (input) => {
        expect(() => monitor.observe(input as never)).not.toThrow();
        expect(() => monitor.observe({ features: input as never, prediction: input, score: input, segment: input, timestamp: input as never })).not.toThrow();
        expect(() => monitor.observeBatch(input as never)).not.toThrow();
        expect(() => monitor.observeBatch({ x: [input], color: input as never })).not.toThrow();
      }),
      { numRuns: 300 },
    );
    const { errors } = await reader.collect();
    expect(errors).toEqual([]);
  });

  it('never loses the valid values of the same observation', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom('red', 'green', 'blue', 'violet'),
        fc.dictionary(fc.string(), fc.anything({ withBigInt: true }), { maxKeys: 5 }),
        fc.anything(),
        fc.anything(),
        (x, color, noise, badY, badFlag) => {
          const { monitor } = newMonitor();
          const features = { ...noise, y: badY, flag: badFlag };
          Object.defineProperty(features, 'x', { value: x, enumerable: true });
          Object.defineProperty(features, 'color', { value: color, enumerable: true });
          monitor.observe({ features, segment: noise, timestamp: undefined });
          expect(samples(monitor, 'x')).toBe(1);
          expect(samples(monitor, 'color')).toBe(1);
          expect(monitor.snapshot().features.every((feature) => feature.rows === 1)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
