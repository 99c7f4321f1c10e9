import { buildProfile } from '../../src/profile/build-profile.js';
import { compareToProfile, OTHER_CATEGORY } from '../../src/check/compare-to-profile.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';

const referenceColumns = {
  income: normalSample(5000, 50, 10, 1),
  age: normalSample(5000, 40, 12, 2),
  device: categoricalSample(5000, { web: 0.5, ios: 0.3, android: 0.2 }, 3),
  premium: categoricalSample(5000, { true: 0.2, false: 0.8 }, 4).map((value) => value === 'true'),
};
const profile = buildProfile(referenceColumns, { importance: { income: 3, age: 1, device: 1, premium: 1 } });

function current(size: number, shift: { income?: number; device?: Record<string, number> }, seed: number) {
  return {
    income: normalSample(size, 50 + (shift.income ?? 0), 10, seed),
    age: normalSample(size, 40, 12, seed + 1),
    device: categoricalSample(size, shift.device ?? { web: 0.5, ios: 0.3, android: 0.2 }, seed + 2),
    premium: categoricalSample(size, { true: 0.2, false: 0.8 }, seed + 3).map((value) => value === 'true'),
  };
}

const byName = (result: ReturnType<typeof compareToProfile>) => Object.fromEntries(result.features.map((feature) => [feature.name, feature]));

test('stationary data: no feature drifts and no quality check fails, at small and large sample sizes', () => {
  for (const size of [500, 4000]) {
    const result = compareToProfile(profile, current(size, {}, 100 + size));
    expect(result.features.filter((feature) => feature.drift?.drifted).map((feature) => feature.name)).toEqual([]);
    expect(result.quality.filter((finding) => finding.failed)).toEqual([]);
    expect(result.dataset).toMatchObject({ driftedShare: 0, drifted: false });
  }
});

test('a 1σ shift in a numeric feature and a proportion change in a categorical one are detected; the others are not', () => {
  const result = compareToProfile(profile, current(4000, { income: 10, device: { web: 0.3, ios: 0.3, android: 0.4 } }, 7));
  const features = byName(result);
  expect(features.income?.drift).toMatchObject({ method: 'psi', drifted: true, currentSize: 4000, referenceSize: 5000 });
  expect(features.device?.drift).toMatchObject({ method: 'jensen_shannon', drifted: true });
  expect(features.age?.drift?.drifted).toBe(false);
  expect(features.premium?.drift?.drifted).toBe(false);
  expect(result.dataset.driftedShare).toBe(0.5);
  expect(result.dataset.drifted).toBe(true);
  expect(result.dataset.weightedDriftedShare).toBeCloseTo(4 / 6, 12);
});

test('small windows use the tests with p-values; overrides pick another method and threshold', () => {
  const small = byName(compareToProfile(profile, current(300, { income: 10 }, 9), { features: { age: { method: 'wasserstein_normalized', threshold: 0.5 } } }));
  expect(small.income?.drift).toMatchObject({ method: 'ks', thresholdKind: 'p_value', drifted: true, approximate: true });
  expect(small.income?.drift?.pValue).toBeLessThan(1e-6);
  expect(small.premium?.drift?.method).toBe('z_test');
  expect(small.device?.drift?.method).toBe('chi_squared');
  expect(small.age?.drift).toMatchObject({ method: 'wasserstein_normalized', threshold: 0.5, drifted: false });
});

test('bad values are counted, never thrown, and reported as failed quality checks naming the feature', () => {
  const data = current(1000, {}, 11) as Record<string, unknown[]>;
  const income = data.income as unknown[];
  for (let i = 0; i < 200; i++) income[i] = null;
  income[300] = 'not a number';
  income[301] = { nested: true };
  (data.age as unknown[])[5] = 1e9;
  (data.device as unknown[])[0] = 'smart-fridge';
  (data.device as unknown[])[1] = 'smart-fridge';
  const result = compareToProfile(profile, data);
  const failed = result.quality.filter((finding) => finding.failed).map((finding) => `${finding.feature}:${finding.check}`);
  expect(failed.sort()).toEqual(['device:new_category', 'income:missing', 'income:type_error'].sort());
  const income2 = byName(result).income;
  expect(income2).toMatchObject({ missing: 200, typeErrors: 2, sampleSize: 798 });
  const outOfRange = result.quality.find((finding) => finding.feature === 'age' && finding.check === 'out_of_range');
  expect(outOfRange?.value).toBeCloseTo(1 / 1000, 12);
  const device = byName(result).device;
  expect(device?.drift?.currentSize).toBe(1000);
  expect(OTHER_CATEGORY).toBe('__other__');
});

test('a feature that went constant, and a feature missing from the input entirely', () => {
  const data = current(600, {}, 13) as Record<string, unknown>;
  data.age = new Array(600).fill(42);
  delete data.income;
  const result = compareToProfile(profile, data as Record<string, unknown[]>);
  const findings = (feature: string, check: string) => result.quality.find((finding) => finding.feature === feature && finding.check === check);
  expect(findings('age', 'constant')).toMatchObject({ value: 1, failed: true });
  expect(findings('income', 'missing')).toMatchObject({ failed: true });
  expect(findings('income', 'missing')?.value).toBeCloseTo(1, 12);
  expect(byName(result).income?.drift).toBeNull();
});

test('rows and columns give the same comparison; ragged columns are refused with their lengths', () => {
  const columns = current(200, { income: 5 }, 15);
  const rows = Array.from({ length: 200 }, (_, i) => ({ income: columns.income[i], age: columns.age[i], device: columns.device[i], premium: columns.premium[i] }));
  expect(compareToProfile(profile, rows)).toEqual(compareToProfile(profile, columns));
  expect(() => compareToProfile(profile, { income: [1, 2], age: [1] })).toThrow(/equal lengths; got 2, 1/);
});
