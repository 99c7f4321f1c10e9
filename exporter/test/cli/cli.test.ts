/**
 * End-to-end tests of the BUILT `modelwatch` CLI (`exporter/bin/modelwatch.js` running `exporter/dist/cli/main.js`, produced by
 * `npm run build -w exporter`; `npm test` builds first), run as a child process on generated files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkOutputSchema, type CheckOutput } from './check-output-schema.js';
import { mulberry32 as random } from '../support/synthetic.js';
import { compareToProfile } from '../../src/check/compare-to-profile.js';
import { checkReport } from '../../src/cli/check-report.js';
import type { ReferenceProfile } from '../../src/profile/schema.js';

const mainScript = fileURLToPath(new URL('../../bin/modelwatch.js', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function modelwatch(...args: string[]): Run {
  const result = spawnSync(process.execPath, [mainScript, ...args], { encoding: 'utf8', cwd: directory });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Row {
  age: number;
  income: number;
  city: string;
  active: boolean;
  churned: number;
}

function referenceRows(count: number): Row[] {
  const next = random(7);
  const cities = ['Oslo', 'Lima, PE', 'São "Paulo"'];
  return Array.from({ length: count }, () => ({
    age: 20 + Math.floor(next() * 40),
    income: Math.round(1000 + next() * 2000) / 10,
    city: cities[Math.floor(next() * cities.length)] as string,
    active: next() < 0.3,
    churned: next() < 0.2 ? 1 : 0,
  }));
}

function csvField(value: unknown): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsv(name: string, rows: readonly Row[]): string {
  const header = 'age,income,city,active,churned';
  const lines = rows.map((row) => [row.age, row.income, row.city, row.active, row.churned].map(csvField).join(','));
  writeFileSync(join(directory, name), `${header}\r\n${lines.join('\r\n')}\r\n`);
  return name;
}

function writeJsonLines(name: string, rows: readonly object[]): string {
  writeFileSync(join(directory, name), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return name;
}

function parseReport(run: Run): CheckOutput {
  const parsed = checkOutputSchema.safeParse(JSON.parse(run.stdout));
  if (!parsed.success) throw new Error(`output does not match the schema: ${parsed.error.message}`);
  return parsed.data;
}

let directory = '';
const reference = referenceRows(1000);
/** Stationary: every other reference row, in reverse order (same distribution, same range). */
const stationary = reference.filter((_, index) => index % 2 === 0).reverse();
/** Covariate shift: ages 15 years older, everything else unchanged. */
const shifted = stationary.map((row) => ({ ...row, age: row.age + 15 }));
/** 10 000 rows (several read chunks): incomes shifted in two of three rows, 2 % of cities new. */
const large = referenceRows(10_000).map((row, index) => ({ ...row, income: row.income + (index % 3) * 20, city: index % 50 === 0 ? 'Bergen' : row.city }));

beforeAll(() => {
  if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run \`npm run build -w exporter\` first (npm test does it)`);
  directory = mkdtempSync(join(tmpdir(), 'modelwatch-cli-'));
  writeCsv('reference.csv', reference);
  writeCsv('stationary.csv', stationary);
  writeCsv('shifted.csv', shifted);
  writeCsv('large.csv', large);
  writeJsonLines('reference.jsonl', reference);
  writeJsonLines('stationary.jsonl', stationary);
  const run = modelwatch('profile', 'reference.csv', '--out', 'profile.json', '--target', 'churned', '--bins', '8');
  if (run.status !== 0) throw new Error(`profiling failed: ${run.stderr}`);
});

afterAll(() => {
  if (directory !== '') rmSync(directory, { recursive: true, force: true });
});

describe('modelwatch --help', () => {
  it('prints the commands and exits 0', () => {
    const run = modelwatch('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('profile [options] <input>');
    expect(run.stdout).toContain('check [options] <input>');
  });

  it('documents the check options', () => {
    const run = modelwatch('check', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--reference <profile\.json>/);
    expect(run.stdout).toMatch(/--format <format>.*"table", "json", "html"/s);
    expect(run.stdout).toContain('--lenient');
  });
});

describe('modelwatch profile', () => {
  it('writes a profile with the kinds, roles, row count and bin count asked for', () => {
    const profile = JSON.parse(readFileSync(join(directory, 'profile.json'), 'utf8')) as {
      rowCount: number;
      featureOrder: string[];
      features: Record<string, { kind: string; role: string; binEdges?: number[]; missingCount: number }>;
    };
    expect(profile.rowCount).toBe(1000);
    expect(profile.featureOrder).toEqual(['age', 'income', 'city', 'active', 'churned']);
    expect(Object.fromEntries(profile.featureOrder.map((name) => [name, profile.features[name]?.kind]))).toEqual({
      age: 'numeric',
      income: 'numeric',
      city: 'categorical',
      active: 'boolean',
      churned: 'numeric',
    });
    expect(profile.features.churned?.role).toBe('target');
    expect(profile.features.age?.binEdges).toHaveLength(7);
  });

  it('reads quoted CSV fields with commas and quotes as one value', () => {
    const profile = JSON.parse(readFileSync(join(directory, 'profile.json'), 'utf8')) as { features: { city: { categories: { value: string }[] } } };
    expect(profile.features.city.categories.map((c) => c.value).sort()).toEqual(['Lima, PE', 'Oslo', 'São "Paulo"']);
  });

  it('treats --categorical columns as categorical and an empty CSV field as missing', () => {
    writeFileSync(join(directory, 'stores.csv'), 'store,sales\n12,1.5\n7,\n12,3\n');
    const run = modelwatch('profile', 'stores.csv', '--out', 'stores.json', '--categorical', 'store');
    expect(run.status).toBe(0);
    const profile = JSON.parse(readFileSync(join(directory, 'stores.json'), 'utf8')) as { features: Record<string, { kind: string; missingCount: number }> };
    expect(profile.features.store?.kind).toBe('categorical');
    expect(profile.features.sales?.missingCount).toBe(1);
  });
});

describe('modelwatch profile --threshold', () => {
  it('stores the decision threshold and uses it for the baseline metrics and the CBPE calibration', () => {
    const next = random(41);
    const rows = Array.from({ length: 400 }, () => {
      const score = Math.round(next() * 1000) / 1000;
      return [score, next() < score ? 1 : 0] as const;
    });
    writeFileSync(join(directory, 'scored.csv'), `s,y\n${rows.map(([score, label]) => `${score},${label}`).join('\n')}\n`);
    const run = modelwatch('profile', 'scored.csv', '--out', 'scored.json', '--target', 'y', '--score', 's', '--threshold', '0.3');
    expect(run.status).toBe(0);
    const profile = JSON.parse(readFileSync(join(directory, 'scored.json'), 'utf8')) as { baseline: { threshold: number; metrics: Record<string, number>; calibration: { threshold: number } } };
    expect(profile.baseline.threshold).toBe(0.3);
    expect(profile.baseline.calibration.threshold).toBe(0.3);
    const correct = rows.filter(([score, label]) => (score >= 0.3 ? 1 : 0) === label).length;
    expect(profile.baseline.metrics.accuracy).toBeCloseTo(correct / rows.length, 12);
    expectInputError(modelwatch('profile', 'scored.csv', '--out', 'x.json', '--target', 'y', '--score', 's', '--threshold', 'high'), /expected a number; got "high"/);
  });
});

describe('modelwatch check', () => {
  it('exits 0 on stationary data, with a JSON report that validates against the schema', () => {
    const run = modelwatch('check', '--reference', 'profile.json', 'stationary.csv', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = parseReport(run);
    expect(report.dataset).toEqual({ drifted: false, driftedShare: 0, weightedDriftedShare: null, rows: { reference: 1000, current: 500 } });
    expect(report.features.map((f) => f.name)).toEqual(['age', 'income', 'city', 'active']);
    expect(report.features.every((f) => !f.drifted && f.sampleSize === 500)).toBe(true);
    expect(report.quality.filter((q) => q.failed)).toEqual([]);
  });

  it('exits 1 on shifted data and names the drifted feature (and its out-of-range values)', () => {
    const run = modelwatch('check', '--reference', 'profile.json', 'shifted.csv', '--format', 'json');
    expect(run.status).toBe(1);
    const report = parseReport(run);
    expect(report.features.filter((f) => f.drifted).map((f) => f.name)).toEqual(['age']);
    const age = report.features.find((f) => f.name === 'age');
    expect(age?.method).toBe('ks');
    expect(age?.pValue).toBeLessThan(1e-6);
    expect(report.quality.filter((q) => q.failed).map((q) => `${q.feature}:${q.check}`)).toEqual(['age:out_of_range']);
  });

  it('prints a table naming the drifted feature by default', () => {
    const run = modelwatch('check', '--reference', 'profile.json', 'shifted.csv');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^age\s+numeric\s+ks\s.*DRIFT/m);
    expect(run.stdout).toMatch(/^income\s.*\sok\s/m);
  });

  it('writes the report to --out and prints nothing', () => {
    const run = modelwatch('check', '--reference', 'profile.json', 'stationary.csv', '--format', 'json', '--out', 'report.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const report = checkOutputSchema.parse(JSON.parse(readFileSync(join(directory, 'report.json'), 'utf8')));
    expect(report.dataset.rows.current).toBe(500);
  });

  it('reads JSON Lines the same way as CSV', () => {
    const profiled = modelwatch('profile', 'reference.jsonl', '--out', 'profile-jsonl.json', '--target', 'churned', '--bins', '8');
    expect(profiled.status).toBe(0);
    const fromJsonLines = modelwatch('check', '--reference', 'profile-jsonl.json', 'stationary.jsonl', '--format', 'json');
    const fromCsv = modelwatch('check', '--reference', 'profile.json', 'stationary.csv', '--format', 'json');
    expect(fromJsonLines.status).toBe(0);
    expect(parseReport(fromJsonLines)).toEqual(parseReport(fromCsv));
  });

  it('counts text in a numeric column as a type_error finding (exit 1) with --lenient', () => {
    writeTypo('typo.csv');
    const run = modelwatch('check', '--reference', 'profile.json', 'typo.csv', '--format', 'json', '--lenient');
    expect(run.status).toBe(1);
    expect(parseReport(run).quality.filter((q) => q.failed).map((q) => `${q.feature}:${q.check}`)).toEqual(['age:type_error']);
  });

  it('streams: the JSON equals the in-memory batch comparison of the same rows, across many read chunks', () => {
    const current = large;
    expect(statSync(join(directory, 'large.csv')).size).toBeGreaterThan(3 * 65536); // several stream chunks
    const run = modelwatch('check', '--reference', 'profile.json', 'large.csv', '--format', 'json');
    expect(run.status).toBe(1);
    const profile = JSON.parse(readFileSync(join(directory, 'profile.json'), 'utf8')) as ReferenceProfile;
    const batch = JSON.parse(JSON.stringify(checkReport(compareToProfile(profile, current)))) as unknown;
    expect(parseReport(run)).toEqual(batch);
    expect(parseReport(run).features.filter((f) => f.drifted).map((f) => f.name)).toEqual(['income', 'city']);
  });
});

function writeTypo(name: string): void {
  writeCsv(name, stationary);
  const text = readFileSync(join(directory, name), 'utf8').replace(/\r\n\d+,/, '\r\nforty,');
  writeFileSync(join(directory, name), text);
}

describe('--importance', () => {
  it('stores the weights in the profile and reports the weighted drifted share', () => {
    writeFileSync(join(directory, 'importance.json'), JSON.stringify({ age: 3, income: 1, city: 1, active: 1 }));
    const profiled = modelwatch('profile', 'reference.csv', '--out', 'weighted.json', '--target', 'churned', '--bins', '8', '--importance', 'importance.json');
    expect(profiled.status).toBe(0);
    const profile = JSON.parse(readFileSync(join(directory, 'weighted.json'), 'utf8')) as ReferenceProfile;
    expect(profile.features.age?.importance).toBe(3);
    expect(profile.features.churned?.importance).toBeUndefined();
    const run = modelwatch('check', '--reference', 'weighted.json', 'shifted.csv', '--format', 'json');
    const report = parseReport(run);
    expect(report.features.filter((f) => f.drifted).map((f) => f.name)).toEqual(['age']);
    expect(report.dataset.driftedShare).toBe(0.25);
    expect(report.dataset.weightedDriftedShare).toBe(0.5);
  });

  it('refuses unknown column names, negative or non-numeric weights, and a non-object, naming them (exit 2)', () => {
    writeFileSync(join(directory, 'unknown.json'), JSON.stringify({ age: 1, agee: 2, salary: 1 }));
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--importance', 'unknown.json'), /unknown\.json: names columns not in the data: "agee", "salary" \(columns: age, income, city, active, churned\)/);
    writeFileSync(join(directory, 'negative.json'), JSON.stringify({ age: -1, city: 'high' }));
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--importance', 'negative.json'), /negative\.json: weights must be finite numbers >= 0; got "age": -1, "city": "high"/);
    writeFileSync(join(directory, 'list.json'), '[1, 2]');
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--importance', 'list.json'), /list\.json: expected a JSON object of column → weight/);
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--importance', 'absent.json'), /absent\.json: cannot read the importance file \(ENOENT\)/);
  });
});

describe('progress bar', () => {
  it('prints no progress when stderr is piped', () => {
    const profiled = modelwatch('profile', 'large.csv', '--out', 'piped.json');
    expect(profiled.status).toBe(0);
    expect(profiled.stderr).toBe('profiled 10000 rows × 5 columns of large.csv → piped.json\n');
    const checked = modelwatch('check', '--reference', 'profile.json', 'large.csv', '--format', 'json');
    expect(checked.stderr).toBe('');
    expect(checked.stdout).not.toContain('rows/s');
  });

  it('draws rows/s and bytes read of the file size on a terminal (a pseudo-terminal from script(1))', () => {
    const command = [process.execPath, mainScript, 'check', '--reference', 'profile.json', 'large.csv', '--out', 'tty-report.json', '--format', 'json'].map((arg) => `'${arg}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: directory, timeout: 30_000 });
    expect(result.status).toBe(1);
    const size = statSync(join(directory, 'large.csv')).size;
    expect(result.stdout).toMatch(/check large\.csv \[#*-*\]\s+\d+% [\d.]+ kB \/ [\d.]+ kB\s+[\d,]+ rows\s+[\d,]+ rows\/s/);
    expect(result.stdout).toContain(`/ ${(size / 1000).toFixed(1)} kB`);
    expect(result.stdout).toContain('\r\u001b[K'); // erased at the end
  });
});

function expectInputError(run: Run, message: string | RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
}

describe('usage and input errors exit 2 and name the file, line and column', () => {
  it('a missing input file', () => {
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'nowhere.csv'), /nowhere\.csv: cannot read the file \(ENOENT\)/);
  });

  it('text in a numeric column, for check and for profile', () => {
    writeTypo('typo-strict.csv');
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'typo-strict.csv', '--format', 'json'), /^modelwatch: typo-strict\.csv:2:1: value "forty" in numeric column "age" is not a number; fix the data, or pass --lenient/);
    writeFileSync(join(directory, 'typo-profile.csv'), 'a,b\n1,x\n2,y\n"3 kg",z\n4,x\n');
    expectInputError(modelwatch('profile', 'typo-profile.csv', '--out', 'x.json'), /typo-profile\.csv:4:1: value "3 kg" in numeric column "a" is not a number/);
    const lenient = modelwatch('profile', 'typo-profile.csv', '--out', 'lenient.json', '--lenient');
    expect(lenient.status).toBe(0);
    expect((JSON.parse(readFileSync(join(directory, 'lenient.json'), 'utf8')) as ReferenceProfile).features.a?.typeErrorCount).toBe(1);
    writeFileSync(join(directory, 'typo.jsonl'), '{"age": 30, "income": 100, "city": "Oslo", "active": true}\n{"age": 31, "income": {"k": 1}, "city": "Oslo", "active": true}\n');
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'typo.jsonl'), /typo\.jsonl:2:23: value \{"k":1\} in numeric column "income" is not a number/);
  });

  it('a ragged CSV row', () => {
    writeFileSync(join(directory, 'ragged.csv'), 'age,income,city,active,churned\n30,100,Oslo,true,0\n31,"1,0",Oslo,true,0,extra\n');
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'ragged.csv'), 'ragged.csv:3:22: ragged row: 6 fields where the header has 5');
    writeFileSync(join(directory, 'short.csv'), 'a,b\n1,2\n3\n');
    expectInputError(modelwatch('profile', 'short.csv', '--out', 'x.json'), 'short.csv:3:2: ragged row: 1 fields where the header has 2');
  });

  it('a column named __proto__ is refused by name, not silently lost', () => {
    writeFileSync(join(directory, 'proto.csv'), 'a,__proto__\n1,2\n3,4\n');
    expectInputError(modelwatch('profile', 'proto.csv', '--out', 'x.json'), 'proto.csv:1:3: header column 2 is named "__proto__", which cannot be a column name; rename it');
  });

  it('an empty file and a header without rows', () => {
    writeFileSync(join(directory, 'empty.csv'), '');
    expectInputError(modelwatch('profile', 'empty.csv', '--out', 'x.json'), 'empty.csv:1:1: the file is empty');
    writeFileSync(join(directory, 'header-only.csv'), 'a,b\n');
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'header-only.csv'), 'header-only.csv:1:1: no data rows after the header');
    writeFileSync(join(directory, 'empty.jsonl'), '\n');
    expectInputError(modelwatch('profile', 'empty.jsonl', '--out', 'x.json'), 'empty.jsonl:1:1: the file is empty');
  });

  it('an unterminated quote and a JSON Lines line that is not JSON', () => {
    writeFileSync(join(directory, 'quote.csv'), 'a,b\n1,2\n3,"4\n');
    expectInputError(modelwatch('profile', 'quote.csv', '--out', 'x.json'), 'quote.csv:3:3: unterminated quoted field');
    writeFileSync(join(directory, 'bad.jsonl'), '{"a": 1}\n{"a": 2,}\n');
    expectInputError(modelwatch('profile', 'bad.jsonl', '--out', 'x.json'), /bad\.jsonl:2(:\d+)?: not valid JSON/);
  });

  it('a profile from another schema version, and a profile that is not JSON', () => {
    const profile = JSON.parse(readFileSync(join(directory, 'profile.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(directory, 'future.json'), JSON.stringify({ ...profile, schemaVersion: 99 }));
    expectInputError(modelwatch('check', '--reference', 'future.json', 'stationary.csv'), /future\.json: schemaVersion: 99 was written by a newer modelwatch/);
    writeFileSync(join(directory, 'broken.json'), '{"type": ');
    expectInputError(modelwatch('check', '--reference', 'broken.json', 'stationary.csv'), /broken\.json: not valid JSON/);
  });

  it('usage errors: a missing required option, a bad --format, a bad --bins, an unknown extension', () => {
    expectInputError(modelwatch('check', 'stationary.csv'), /required option '--reference <profile\.json>' not specified/);
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'stationary.csv', '--format', 'xml'), /argument 'xml' is invalid/);
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--bins', '0'), /expected a positive integer; got "0"/);
    expectInputError(modelwatch('profile', 'reference.txt', '--out', 'x.json'), /reference\.txt: cannot tell the input format/);
    expectInputError(modelwatch('profile', 'reference.csv', '--out', 'x.json', '--target', 'nope'), /--target names column "nope"/);
  });
});
