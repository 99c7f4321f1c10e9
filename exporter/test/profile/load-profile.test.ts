import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildProfile, loadProfile, parseProfile, ProfileError, PROFILE_SCHEMA_VERSION } from '../../src/profile/index.js';
import type { ReferenceProfile } from '../../src/profile/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelwatch-profile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sample(): ReferenceProfile {
  return buildProfile(
    {
      age: [21, 35, 35, 47, 52, 60, null, 29, 33, 41],
      city: ['Oslo', 'Lima', 'Oslo', 'Pune', null, 'Oslo', 'Lima', 'Oslo', 'Kyiv', 'Oslo'],
      label: [true, false, false, true, false, true, true, false, false, true],
      score: [0.9, 0.2, 0.1, 0.7, 0.3, 0.8, 0.6, 0.4, 0.2, 0.9],
    },
    { binCount: 4, createdAt: '2026-03-01T12:00:00Z', name: 'demo', target: 'label', score: 'score' },
  );
}

/** A deep copy to corrupt (typed loosely on purpose: the tests write wrong types into it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function copy(): Record<string, any> {
  return JSON.parse(JSON.stringify(sample()));
}

function rejection(json: unknown): ProfileError {
  try {
    parseProfile(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return error as ProfileError;
  }
  throw new Error('parseProfile accepted the profile');
}

describe('loadProfile', () => {
  it('round-trips build → JSON file → load to a deep-equal profile', async () => {
    const profile = sample();
    const path = join(dir, 'profile.json');
    await writeFile(path, JSON.stringify(profile, null, 2));
    expect(await loadProfile(path)).toEqual(profile);
    expect(await loadProfile(pathToFileURL(path))).toEqual(profile);
    expect(await loadProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
  });

  it('names the file and the parse error for bad JSON', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"schemaVersion": 1,');
    await expect(loadProfile(path)).rejects.toThrow(ProfileError);
    await expect(loadProfile(path)).rejects.toThrow(new RegExp(`invalid reference profile ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)`));
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadProfile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read the file \(ENOENT/);
  });

  it('names the file and the field when the file holds a bad profile', async () => {
    const bad = copy();
    bad.rowCount = 'ten';
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify(bad));
    await expect(loadProfile(path)).rejects.toThrow(/bad\.json: rowCount: Invalid input: expected number, received string/);
  });
});

describe('parseProfile rejections name the field', () => {
  it('accepts the built profile', () => {
    expect(parseProfile(copy())).toEqual(sample());
  });

  it('wrong field types', () => {
    const bad = copy();
    bad.features.age.binEdges[1] = 'x';
    bad.features.city.kind = 'text';
    const error = rejection(bad);
    expect(error.message).toMatch(/features\.age\.binEdges\[1\]: Invalid input: expected number, received string/);
    expect(error.message).toMatch(/features\.city\.kind: Invalid discriminator value/);
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['features.age.binEdges[1]', 'features.city.kind']));
  });

  it('non-increasing edges', () => {
    const bad = copy();
    const edges = bad.features.age.binEdges as number[];
    edges[2] = edges[1] as number;
    expect(rejection(bad).message).toMatch(new RegExp(`features\\.age\\.binEdges\\[2\\]: must be greater than binEdges\\[1\\] \\(${edges[1]} <= ${edges[1]}\\)`));
  });

  it('fractions not summing to 1, and fractions not matching the counts', () => {
    const bad = copy();
    bad.features.age.binFractions = bad.features.age.binFractions.map((f: number) => f / 2);
    const message = rejection(bad).message;
    expect(message).toMatch(/features\.age\.binFractions: must sum to 1, got 0\.5/);
    expect(message).toMatch(/features\.age\.binFractions\[0\]: must equal the count divided by the total/);
  });

  it('bin arrays of the wrong length and counts that do not add up', () => {
    const bad = copy();
    bad.features.age.binCounts.push(0);
    bad.features.city.otherCount += 1;
    bad.features.label.missingCount += 1;
    const message = rejection(bad).message;
    expect(message).toMatch(/features\.age\.binCounts: must have binEdges\.length \+ 1 = \d+ entries, got \d+/);
    expect(message).toMatch(/features\.city\.categories: category counts plus otherCount must sum to count \(9\), got 10/);
    expect(message).toMatch(/features\.label\.count: count \+ missingCount \+ typeErrorCount must equal rowCount \(10 \+ 1 \+ 0 != 10\)/);
  });

  it('a newer schemaVersion, with an upgrade hint, before any other check', () => {
    const bad = copy();
    bad.schemaVersion = PROFILE_SCHEMA_VERSION + 1;
    bad.features = 'a future shape';
    expect(rejection(bad).message).toMatch(/schemaVersion: 2 was written by a newer modelwatch .*; upgrade @modelwatch\/otel/);
  });

  it('feature order, baseline and sketch inconsistencies', () => {
    const bad = copy();
    bad.featureOrder = ['age', 'age', 'city', 'label'];
    bad.baseline.score = 'city';
    bad.features.age.sketch = { type: 'quantile-sketch' };
    const message = rejection(bad).message;
    expect(message).toMatch(/featureOrder\[1\]: lists "age" twice/);
    expect(message).toMatch(/featureOrder: does not list feature "score"/);
    expect(message).toMatch(/baseline\.score: names column "city", whose role is feature, not score/);
    expect(message).toMatch(/features\.age\.sketch: is not a valid quantile sketch/);
  });

  it('a non-object and a missing field', () => {
    expect(rejection(42).message).toMatch(/invalid reference profile: Invalid input: expected object, received number/);
    const bad = copy();
    delete bad.createdAt;
    expect(rejection(bad).message).toMatch(/createdAt: Invalid input/);
  });

  it('quotes feature names that are not identifiers', () => {
    const profile = buildProfile({ 'my col': [1, 2, 3] }, { createdAt: '2026-01-01T00:00:00Z' });
    const bad = JSON.parse(JSON.stringify(profile));
    bad.features['my col'].binEdges = [2, 1];
    bad.features['my col'].binCounts = [1, 1, 1];
    bad.features['my col'].binFractions = [1 / 3, 1 / 3, 1 / 3];
    expect(rejection(bad).message).toMatch(/features\["my col"\]\.binEdges\[1\]: must be greater than binEdges\[0\] \(1 <= 2\)/);
  });
});
