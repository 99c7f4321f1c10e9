import fc from 'fast-check';
import { DRIFT_METHODS, DRIFT_METHOD_INFO, evaluateDatasetDrift, evaluateFeatureDrift, ksFromBinCounts, type FeatureDriftData } from '../../src/drift/index.js';
import { countIntoBins } from '../../src/stats/binning.js';
import { ksTwoSample } from '../../src/stats/ks-two-sample.js';

/** Deterministic standard-normal draws (Box-Muller over a small LCG) so that the tests are reproducible. */
function normalSample(size: number, mean: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = mean + Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return values;
}

const edges = [-1.28, -0.84, -0.52, -0.25, 0, 0.25, 0.52, 0.84, 1.28];

function numericData(reference: Float64Array, current: Float64Array, withSamples: boolean): FeatureDriftData {
  return {
    kind: 'numeric',
    binEdges: edges,
    referenceCounts: countIntoBins(edges, reference),
    currentCounts: countIntoBins(edges, current),
    referenceStd: 1,
    ...(withSamples ? { referenceSample: reference, currentSample: current } : {}),
  };
}

const reference = normalSample(5000, 0, 1);
const unshifted = normalSample(2000, 0, 2);
const shifted = normalSample(2000, 1, 3);

test.each(DRIFT_METHODS.filter((method) => DRIFT_METHOD_INFO[method].kinds.includes('numeric')))(
  '%s flags a 1σ shift and not an unshifted sample (raw samples)',
  (method) => {
    expect(evaluateFeatureDrift(numericData(reference, shifted, true), { method }).drifted).toBe(true);
    expect(evaluateFeatureDrift(numericData(reference, unshifted, true), { method }).drifted).toBe(false);
  },
);

test('results carry sizes, effect size and the p-value only for tests', () => {
  const ks = evaluateFeatureDrift(numericData(reference, shifted, true), { method: 'ks' });
  expect(ks).toMatchObject({ referenceSize: 5000, currentSize: 2000, thresholdKind: 'p_value', threshold: 0.05, approximate: false });
  expect(ks.effectSize).toEqual({ measure: 'ks_statistic', value: ks.score });
  expect(ks.score).toBeCloseTo(ksTwoSample(reference, shifted).statistic, 12);
  const psi = evaluateFeatureDrift(numericData(reference, shifted, false), { method: 'psi', threshold: 0.5 });
  expect(psi.pValue).toBeNull();
  expect(psi.threshold).toBe(0.5);
  expect(psi.drifted).toBe(psi.score >= 0.5);
});

test('without raw samples KS is computed on the bins, marked approximate, and never exceeds the exact D', () => {
  const binned = evaluateFeatureDrift(numericData(reference, shifted, false), { method: 'ks' });
  expect(binned.approximate).toBe(true);
  expect(binned.score).toBeLessThanOrEqual(ksTwoSample(reference, shifted).statistic + 1e-12);
  expect(binned.drifted).toBe(true);
});

test('binned KS equals exact KS when every distinct value has its own bin', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }), (a, b) => {
      const integerEdges = [1, 2, 3, 4, 5];
      const binned = ksFromBinCounts(countIntoBins(integerEdges, a), countIntoBins(integerEdges, b));
      expect(binned.statistic).toBeCloseTo(ksTwoSample(a, b).statistic, 12);
    }),
  );
});

test('methods that need raw samples say so, and methods refuse the wrong feature kind', () => {
  expect(() => evaluateFeatureDrift(numericData(reference, shifted, false), { method: 'anderson_darling' })).toThrow(/needs raw samples/);
  const categorical: FeatureDriftData = { kind: 'categorical', categories: ['a', 'b', 'c'], referenceCounts: [1, 2, 3], currentCounts: [3, 2, 1] };
  expect(() => evaluateFeatureDrift(categorical, { method: 'ks' })).toThrow(/does not apply to a categorical feature/);
  expect(() => evaluateFeatureDrift(categorical, { method: 'z_test' })).toThrow(/two proportions/);
  expect(() => evaluateFeatureDrift(categorical, { method: 'nope' as never })).toThrow(/must be one of ks, chi_squared/);
  expect(() => evaluateFeatureDrift({ ...categorical, currentCounts: [0, 0, 0] }, { method: 'psi' })).toThrow(/observations on both sides/);
});

test('a proportion change in a categorical feature is detected by every categorical method', () => {
  const before: FeatureDriftData = { kind: 'categorical', categories: ['web', 'ios', 'android', '__other__'], referenceCounts: [5000, 3000, 2000, 0], currentCounts: [3000, 3000, 4000, 0] };
  const same: FeatureDriftData = { ...before, currentCounts: [2510, 1490, 1000, 0] };
  for (const method of DRIFT_METHODS.filter((name) => DRIFT_METHOD_INFO[name].kinds.includes('categorical') && name !== 'z_test')) {
    expect([method, evaluateFeatureDrift(before, { method }).drifted]).toEqual([method, true]);
    expect([method, evaluateFeatureDrift(same, { method }).drifted]).toEqual([method, false]);
  }
  const chi = evaluateFeatureDrift(before, { method: 'chi_squared' });
  expect(chi.effectSize.measure).toBe('cramers_v');
  expect(chi.effectSize.value).toBeGreaterThan(0.1);
});

test('a boolean feature uses the two-proportion z-test with the proportion difference as effect size', () => {
  const data: FeatureDriftData = { kind: 'boolean', categories: ['true', 'false'], referenceCounts: [300, 700], currentCounts: [450, 550] };
  const result = evaluateFeatureDrift(data, { method: 'z_test' });
  expect(result.drifted).toBe(true);
  expect(result.effectSize).toEqual({ measure: 'proportion_difference', value: expect.closeTo(0.15, 12) });
});

test('dataset drift share, verdict and importance weighting', () => {
  const drifted = evaluateFeatureDrift(numericData(reference, shifted, true), { method: 'ks' });
  const stable = evaluateFeatureDrift(numericData(reference, unshifted, true), { method: 'ks' });
  const dataset = evaluateDatasetDrift({ a: drifted, b: stable, c: stable, d: stable });
  expect(dataset).toMatchObject({ featureCount: 4, driftedCount: 1, driftedShare: 0.25, drifted: false, weightedDriftedShare: null });
  expect(evaluateDatasetDrift({ a: drifted, b: stable }, { importances: { a: 3, b: 1 } })).toMatchObject({ drifted: true, weightedDriftedShare: 0.75 });
  expect(evaluateDatasetDrift({})).toMatchObject({ featureCount: 0, driftedShare: 0, drifted: false });
  expect(() => evaluateDatasetDrift({ a: drifted }, { importances: { a: -1 } })).toThrow(/importances.a/);
});
