/**
 * End-to-end tests of the BUILT `modelwatch` CLI (`exporter/bin/modelwatch.js` running `exporter/dist/cli/main.js`, produced by
 * `npm run build -w exporter`; `npm test` builds first), run as a child process on generated files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkOutputSchema, type CheckOutput } from './check-output-schema.js';
import { mulberry32 as random } from '../support/synthetic.js';

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

beforeAll(() => {
  if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run \`npm run build -w exporter\` first (npm test does it)`);
  directory = mkdtempSync(join(tmpdir(), 'modelwatch-cli-'));
  writeCsv('reference.csv', reference);
  writeCsv('stationary.csv', stationary);
  writeCsv('shifted.csv', shifted);
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
    expect(run.stdout).toMatch(/--format <format>.*"table", "json"/s);
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

describe('modelwatch check', () => {
  it('exits 0 on stationary data, with a JSON report that validates against the schema', () => {
    const run = modelwatch('check', '--reference', 'profile.json', 'stationary.csv', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = parseReport(run);
    expect(report.dataset).toEqual({ drifted: false, driftedShare: 0, rows: { reference: 1000, current: 500 } });
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

  it('fails the type_error check (exit 1) for text in a numeric column', () => {
    writeCsv('typo.csv', stationary);
    const text = readFileSync(join(directory, 'typo.csv'), 'utf8').replace(/\r\n\d+,/, '\r\nforty,');
    writeFileSync(join(directory, 'typo.csv'), text);
    const run = modelwatch('check', '--reference', 'profile.json', 'typo.csv', '--format', 'json');
    expect(run.status).toBe(1);
    expect(parseReport(run).quality.filter((q) => q.failed).map((q) => `${q.feature}:${q.check}`)).toEqual(['age:type_error']);
  });
});

describe('usage and input errors exit 2 and name the file, line and column', () => {
  function expectInputError(run: Run, message: string | RegExp): void {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  }

  it('a missing input file', () => {
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'nowhere.csv'), /nowhere\.csv: cannot read the file \(ENOENT\)/);
  });

  it('a ragged CSV row', () => {
    writeFileSync(join(directory, 'ragged.csv'), 'age,income,city,active,churned\n30,100,Oslo,true,0\n31,"1,0",Oslo,true,0,extra\n');
    expectInputError(modelwatch('check', '--reference', 'profile.json', 'ragged.csv'), 'ragged.csv:3:22: ragged row: 6 fields where the header has 5');
    writeFileSync(join(directory, 'short.csv'), 'a,b\n1,2\n3\n');
    expectInputError(modelwatch('profile', 'short.csv', '--out', 'x.json'), 'short.csv:3:2: ragged row: 1 fields where the header has 2');
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
