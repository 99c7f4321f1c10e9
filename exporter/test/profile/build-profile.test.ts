import { countIntoBins } from '../../src/stats/binning.js';
import { accuracy } from '../../src/stats/accuracy.js';
import { precisionRecallF1 } from '../../src/stats/precision-recall-f1.js';
import { buildProfile, parseProfile, ProfileBuilder, quantileBinEdges } from '../../src/profile/index.js';
import type { NumericFeatureProfile, CategoricalFeatureProfile, ReferenceProfile } from '../../src/profile/index.js';
import { mulberry32 as random } from '../support/synthetic.js';

const createdAt = '2026-01-01T00:00:00.000Z';

function numeric(profile: ReferenceProfile, name: string): NumericFeatureProfile {
  const feature = profile.features[name];
  if (feature?.kind !== 'numeric') throw new Error(`${name} is not numeric`);
  return feature;
}

function categorical(profile: ReferenceProfile, name: string): CategoricalFeatureProfile {
  const feature = profile.features[name];
  if (feature === undefined || feature.kind === 'numeric') throw new Error(`${name} is not categorical`);
  return feature as CategoricalFeatureProfile;
}

function sampleRows(n: number, seed = 7): Array<Record<string, unknown>> {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => ({
    age: i % 17 === 0 ? null : Math.round(18 + next() * 60),
    income: next() * 1e5,
    city: ['Oslo', 'Lima', 'Pune', 'Kyiv'][Math.floor(next() * 4)],
    is_new: next() < 0.3,
    label: next() < 0.5 ? 1 : 0,
    predicted: next() < 0.5 ? 1 : 0,
  }));
}

function toColumns(rows: ReadonlyArray<Record<string, unknown>>): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(rows[0] ?? {})) columns[key] = rows.map((row) => row[key]);
  return columns;
}

describe('buildProfile', () => {
  it('gives the same profile from rows and from columns', () => {
    const rows = sampleRows(500);
    const options = { createdAt, target: 'label', prediction: 'predicted' };
    expect(buildProfile(toColumns(rows), options)).toEqual(buildProfile(rows, options));
  });

  it('profiles numeric features with quantile bins, moments and quantiles (numpy oracle)', () => {
    // np.arange(1, 101): quartiles [25.75, 50.5, 75.25]; std 28.86607004772212 (ddof 0), 29.011491975882016 (ddof 1)
    const profile = buildProfile({ x: Array.from({ length: 100 }, (_, i) => i + 1) }, { binCount: 4, createdAt });
    const x = numeric(profile, 'x');
    expect(x.binEdges).toEqual([25.75, 50.5, 75.25]);
    expect(x.binCounts).toEqual([25, 25, 25, 25]);
    expect(x.binFractions).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(x.binning).toEqual({ strategy: 'quantile', requestedBinCount: 4, edgesFrom: 'exact', countsFrom: 'exact' });
    expect(x.range).toEqual({ min: 1, max: 100 });
    expect(x.mean).toBe(50.5);
    expect(x.std).toBeCloseTo(28.86607004772212, 12);
    expect(x.sampleStd).toBeCloseTo(29.011491975882016, 12);
    expect(x.quantiles).toEqual({ p01: 1.99, p05: 5.95, p25: 25.75, p50: 50.5, p75: 75.25, p95: 95.05, p99: 99.01 });
    expect(x.quantilesExact).toBe(true);
  });

  it('counts missing values (null, undefined, NaN, empty string, absent key) and type errors without throwing', () => {
    const rows = [{ x: 1, c: 'a' }, { x: null, c: '' }, { x: NaN, c: 7 }, { x: 'oops', c: { nested: true } }, { x: 2 }, { x: undefined, c: 'a' }];
    const profile = buildProfile(rows, { createdAt });
    const x = numeric(profile, 'x');
    expect(x).toMatchObject({ count: 2, missingCount: 3, typeErrorCount: 1, missingRate: 0.5 });
    const c = categorical(profile, 'c');
    // 'a', 'a' and the number 7 (read as the label "7"); '' and the absent key are missing; the object is a type error
    expect(c).toMatchObject({ count: 3, missingCount: 2, typeErrorCount: 1 });
    expect(c.categories).toEqual([
      { value: 'a', count: 2, fraction: 2 / 3 },
      { value: '7', count: 1, fraction: 1 / 3 },
    ]);
    expect(() => parseProfile(profile)).not.toThrow();
  });

  it('puts ±Infinity in the outer bins and keeps it out of moments and range', () => {
    const x = numeric(buildProfile({ x: [-Infinity, 1, 2, 3, 4, Infinity] }, { binCount: 2, createdAt }), 'x');
    expect(x).toMatchObject({ count: 6, infiniteCount: 2, range: { min: 1, max: 4 }, mean: 2.5, binEdges: [2.5], binCounts: [3, 3] });
  });

  it('lists the top categories with the rest as other, and booleans as false/true', () => {
    const city = ['a', 'a', 'a', 'b', 'b', 'c', 'd'];
    const flag = [true, true, false, true, null, true, true];
    const profile = buildProfile({ city, flag }, { maxCategories: 2, createdAt });
    expect(categorical(profile, 'city')).toMatchObject({
      categories: [
        { value: 'a', count: 3, fraction: 3 / 7 },
        { value: 'b', count: 2, fraction: 2 / 7 },
      ],
      otherCount: 2,
      otherFraction: 2 / 7,
      cardinality: 4,
      cardinalityExact: true,
      categoriesExact: true,
    });
    expect(profile.features.flag).toMatchObject({
      kind: 'boolean',
      count: 6,
      categories: [
        { value: 'false', count: 1, fraction: 1 / 6 },
        { value: 'true', count: 5, fraction: 5 / 6 },
      ],
      cardinality: 2,
    });
  });

  it('reads 0/1 as a boolean column only when asked, and honours kind overrides', () => {
    const columns = { churned: [0, 1, 1, 0], zip: [1234, 1234, 5678, 1234] };
    const plain = buildProfile(columns, { createdAt });
    expect(plain.features.churned?.kind).toBe('numeric');
    const asked = buildProfile(columns, { createdAt, zeroOneAsBoolean: ['churned'], kinds: { categorical: ['zip'] } });
    expect(asked.features.churned).toMatchObject({ kind: 'boolean', categories: [{ value: 'false', count: 2 }, { value: 'true', count: 2 }] });
    expect(asked.features.zip).toMatchObject({ kind: 'categorical', categories: [{ value: '1234', count: 3 }, { value: '5678', count: 1 }] });
  });

  it('records roles, importance and a baseline block when target and prediction exist', () => {
    const profile = buildProfile(sampleRows(50), { createdAt, target: 'label', prediction: 'predicted', importance: { income: 0.7 }, name: 'churn-v3' });
    expect(profile.features.label?.role).toBe('target');
    expect(profile.features.predicted?.role).toBe('prediction');
    expect(profile.features.age?.role).toBe('feature');
    expect(profile.features.income?.importance).toBe(0.7);
    const rows = sampleRows(50);
    const truth = rows.map((row) => row.label as number);
    const predicted = rows.map((row) => row.predicted as number);
    const scores = precisionRecallF1(truth, predicted, { average: 'binary', posLabel: 1 });
    expect(profile.baseline).toEqual({
      target: 'label',
      prediction: 'predicted',
      task: 'binary',
      samples: 50,
      metrics: { accuracy: accuracy(truth, predicted), precision: scores.precision, recall: scores.recall, f1: scores.f1 },
    });
    expect(profile.name).toBe('churn-v3');
    expect(buildProfile(sampleRows(50), { createdAt, target: 'label' }).baseline).toBeUndefined();
  });

  it('keeps the column order, integer-like names included', () => {
    const profile = buildProfile([{ zeta: 1, 2024: 2, alpha: 3 }], { createdAt });
    expect(profile.featureOrder).toEqual(Object.keys({ zeta: 1, 2024: 2, alpha: 3 }));
    const ordered = buildProfile([{ zeta: 1, b: 2, alpha: 3 }], { createdAt, columns: ['alpha', 'zeta'] });
    expect(ordered.featureOrder).toEqual(['alpha', 'zeta']);
  });

  it('gives a constant feature one bin and an all-missing column zero counts', () => {
    const profile = buildProfile({ k: [3, 3, 3], empty: [null, null, null] }, { createdAt });
    expect(numeric(profile, 'k')).toMatchObject({ binEdges: [], binCounts: [3], binFractions: [1], std: 0 });
    expect(profile.features.empty).toMatchObject({ kind: 'categorical', count: 0, missingCount: 3, missingRate: 1, categories: [], otherFraction: 0 });
    expect(() => parseProfile(profile)).not.toThrow();
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => buildProfile([], { binCount: 0 })).toThrow(/options.binCount must be an integer from 1 to 10000; got 0/);
    expect(() => buildProfile([], { binEdges: { age: [1, 1] } })).toThrow(/options.binEdges.age: .*edges\[0\] = 1 and edges\[1\] = 1/);
    expect(() => buildProfile([], { target: 'y', prediction: 'y' })).toThrow(/options.prediction: column "y" is already the target/);
    expect(() => buildProfile([], { createdAt: 'yesterday' })).toThrow(/options.createdAt/);
    expect(() => buildProfile({ a: [1, 2], b: [1] })).toThrow(/columns.b has 1 values, an earlier column 2/);
  });
});

describe('ProfileBuilder (streaming)', () => {
  it('equals the batch profile below the exact-buffer size, fed row by row or in column chunks', () => {
    const rows = sampleRows(2000);
    const options = { createdAt, target: 'label', prediction: 'predicted' };
    const batch = buildProfile(rows, options);
    const byRow = new ProfileBuilder(options);
    for (const row of rows) byRow.add(row);
    expect(byRow.finish()).toEqual(batch);
    const byChunk = new ProfileBuilder(options);
    for (let start = 0; start < rows.length; start += 300) byChunk.addColumns(toColumns(rows.slice(start, start + 300)));
    expect(byChunk.finish()).toEqual(batch);
  });

  it('with explicit edges counts exactly in one pass', () => {
    const rows = sampleRows(3000);
    const edges = [20, 40, 60];
    const builder = new ProfileBuilder({ createdAt, binEdges: { income: [25_000, 50_000, 75_000], age: edges }, maxExactValues: 8 });
    for (const row of rows) builder.add(row);
    const age = numeric(builder.finish(), 'age');
    const ages = rows.map((row) => row.age).filter((v): v is number => typeof v === 'number');
    expect(age.binning).toEqual({ strategy: 'explicit', requestedBinCount: null, edgesFrom: 'user', countsFrom: 'exact' });
    expect(age.binEdges).toEqual(edges);
    expect(age.binCounts).toEqual(Array.from(countIntoBins(edges, ages)));
  });

  it('stays exact beyond the buffer size while the column has few distinct values', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 61);
    const small = buildProfile({ v: values }, { createdAt, maxExactValues: 64 });
    const large = buildProfile({ v: values }, { createdAt, maxExactValues: 100_000 });
    expect(numeric(small, 'v')).toEqual(numeric(large, 'v'));
    expect(numeric(small, 'v').binning.edgesFrom).toBe('exact');
  });

  it('derives edges from the sketch beyond the buffer, within the sketch accuracy', () => {
    const next = random(3);
    const values = Array.from({ length: 20_000 }, () => 100 + next() * 900);
    const x = numeric(buildProfile({ x: values }, { createdAt, maxExactValues: 1000, relativeAccuracy: 0.01 }), 'x');
    expect(x.binning).toEqual({ strategy: 'quantile', requestedBinCount: 10, edgesFrom: 'sketch', countsFrom: 'sketch' });
    expect(x.quantilesExact).toBe(false);
    const exactEdges = quantileBinEdges(values, 10);
    x.binEdges.forEach((edge, i) => expect(Math.abs(edge - (exactEdges[i] as number)) / (exactEdges[i] as number)).toBeLessThanOrEqual(0.011));
    const trueCounts = Array.from(countIntoBins(x.binEdges, values));
    expect(x.binCounts.reduce((a, b) => a + b, 0)).toBe(20_000);
    // midpoint rule inside the sketch bucket at each edge: off by well under 0.5 % of the values per bin
    x.binCounts.forEach((count, i) => expect(Math.abs(count - (trueCounts[i] as number))).toBeLessThan(0.005 * 20_000));
    expect(() => parseProfile(buildProfile({ x: values }, { createdAt, maxExactValues: 1000 }))).not.toThrow();
  });

  it('two-pass mode counts exactly on the first pass edges', () => {
    const next = random(11);
    const rows = Array.from({ length: 20_000 }, () => ({ x: next() * 50, c: next() < 0.2 ? 'rare' : 'common' }));
    const first = new ProfileBuilder({ createdAt, maxExactValues: 500 });
    for (const row of rows) first.add(row);
    const second = first.edgesFromFirstPass();
    for (const row of rows) second.add(row);
    const profile = second.finish();
    const x = numeric(profile, 'x');
    expect(x.binning).toEqual({ strategy: 'quantile', requestedBinCount: 10, edgesFrom: 'sketch', countsFrom: 'exact' });
    expect(x.binEdges).toEqual(numeric(first.finish(), 'x').binEdges);
    expect(x.binCounts).toEqual(Array.from(countIntoBins(x.binEdges, rows.map((row) => row.x))));
    expect(profile.features.c).toMatchObject({ kind: 'categorical', count: 20_000 });
    expect(() => parseProfile(profile)).not.toThrow();
  });

  it('decides a streaming column kind after kindInferenceRows values and counts later misfits as type errors', () => {
    const builder = new ProfileBuilder({ createdAt, kindInferenceRows: 3 });
    for (const value of [1, 2, 3, 'x', 4]) builder.add({ v: value });
    expect(builder.finish().features.v).toMatchObject({ kind: 'numeric', count: 4, typeErrorCount: 1 });
  });

  it('treats a column first seen late as missing in the earlier rows', () => {
    const builder = new ProfileBuilder({ createdAt });
    builder.add({ a: 1 }).add({ a: 2 }).add({ a: 3, b: 'x' });
    expect(builder.finish().features.b).toMatchObject({ count: 1, missingCount: 2 });
  });

  it('rejects rows that are not objects', () => {
    expect(() => new ProfileBuilder().add([1, 2] as never)).toThrow(/row must be an object of column → value; got an array/);
  });
});
