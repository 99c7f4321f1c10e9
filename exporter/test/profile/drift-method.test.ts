import { chooseDriftMethod, LARGE_SAMPLE_SIZE } from '../../src/profile/index.js';
import { DRIFT_METHODS } from '../../src/drift/methods.js';

describe('chooseDriftMethod: the default policy table', () => {
  const big = 50_000;
  it.each([
    ['numeric', big, 500, undefined, 'ks', 0.05, 'p_value'],
    ['numeric', big, 5000, undefined, 'psi', 0.2, 'distance'],
    ['categorical', big, 500, 5, 'chi_squared', 0.05, 'p_value'],
    ['categorical', big, 500, undefined, 'chi_squared', 0.05, 'p_value'],
    ['categorical', big, 500, 2, 'z_test', 0.05, 'p_value'],
    ['categorical', big, 5000, 5, 'jensen_shannon', 0.1, 'distance'],
    ['boolean', big, 500, undefined, 'z_test', 0.05, 'p_value'],
    ['boolean', big, 5000, undefined, 'jensen_shannon', 0.1, 'distance'],
  ] as const)('%s, reference %i, current %i, %s categories → %s (%f, %s)', (kind, referenceSize, currentSize, categoryCount, method, threshold, thresholdKind) => {
    const choice = chooseDriftMethod({ kind, referenceSize, currentSize, ...(categoryCount === undefined ? {} : { categoryCount }) });
    expect(choice).toEqual({ method, threshold, thresholdKind, source: thresholdKind === 'p_value' ? 'small_sample_default' : 'large_sample_default' });
  });

  it('switches to distances only above LARGE_SAMPLE_SIZE on both sides', () => {
    expect(LARGE_SAMPLE_SIZE).toBe(1000);
    expect(chooseDriftMethod({ kind: 'numeric', referenceSize: big, currentSize: 1000 }).method).toBe('ks');
    expect(chooseDriftMethod({ kind: 'numeric', referenceSize: big, currentSize: 1001 }).method).toBe('psi');
    expect(chooseDriftMethod({ kind: 'numeric', referenceSize: 800, currentSize: big }).method).toBe('ks');
  });

  it('applies a per-feature override of the method, the threshold or both', () => {
    expect(chooseDriftMethod({ kind: 'numeric', referenceSize: big, currentSize: 5000, override: { method: 'wasserstein_normalized' } })).toEqual({
      method: 'wasserstein_normalized',
      threshold: 0.1,
      thresholdKind: 'distance',
      source: 'override',
    });
    expect(chooseDriftMethod({ kind: 'numeric', referenceSize: big, currentSize: 5000, override: { threshold: 0.25 } })).toMatchObject({ method: 'psi', threshold: 0.25, source: 'override' });
    expect(chooseDriftMethod({ kind: 'categorical', referenceSize: 100, currentSize: 100, override: { method: 'hellinger', threshold: 0.3 } })).toMatchObject({
      method: 'hellinger',
      threshold: 0.3,
      thresholdKind: 'distance',
    });
  });

  it('rejects an unknown method and lists the valid ones', () => {
    const call = () => chooseDriftMethod({ kind: 'numeric', referenceSize: 10, currentSize: 10, override: { method: 'energy' as never } });
    expect(call).toThrow(RangeError);
    expect(call).toThrow(new RegExp(`override.method must be one of ${DRIFT_METHODS.join(', ')}`));
  });

  it('rejects a method that does not apply to the kind, and bad thresholds', () => {
    expect(() => chooseDriftMethod({ kind: 'categorical', referenceSize: 10, currentSize: 10, override: { method: 'ks' } })).toThrow(/ks does not apply to categorical features/);
    expect(() => chooseDriftMethod({ kind: 'numeric', referenceSize: 10, currentSize: 10, override: { threshold: -1 } })).toThrow(/override.threshold must be a positive finite number; got -1/);
    expect(() => chooseDriftMethod({ kind: 'numeric', referenceSize: 10, currentSize: 10, override: { threshold: 1.5 } })).toThrow(/p-value and must be below 1; got 1.5/);
  });

  it('validates kind and sizes', () => {
    expect(() => chooseDriftMethod({ kind: 'text' as never, referenceSize: 1, currentSize: 1 })).toThrow(/kind must be numeric, categorical or boolean; got "text"/);
    expect(() => chooseDriftMethod({ kind: 'numeric', referenceSize: -1, currentSize: 1 })).toThrow(/referenceSize must be a non-negative integer; got -1/);
    expect(() => chooseDriftMethod({ kind: 'numeric', referenceSize: 1, currentSize: 2.5 })).toThrow(/currentSize must be a non-negative integer; got 2.5/);
  });
});
