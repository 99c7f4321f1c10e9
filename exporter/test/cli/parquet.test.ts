/**
 * Parquet input for `modelwatch profile` and `check`, through the built bin, on files written by hyparquet-writer
 * with small row groups (so the reader goes through several row-group chunks).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { checkOutputSchema } from './check-output-schema.js';
import { assertBuilt, runModelwatch, toCsv, type CliRun } from './run-cli.js';
import { mulberry32 } from '../support/synthetic.js';

interface Row {
  amount: number | null;
  country: string;
  returning: boolean;
}

function rows(count: number, seed: number, shift = 0): Row[] {
  const next = mulberry32(seed);
  const countries = ['DE', 'FR', 'NL'];
  return Array.from({ length: count }, (_, index) => ({
    amount: index % 97 === 0 ? null : Math.round((10 + next() * 90 + shift) * 100) / 100,
    country: countries[Math.floor(next() * countries.length)] as string,
    returning: next() < 0.4,
  }));
}

function writeParquet(name: string, data: readonly Row[]): string {
  parquetWriteFile({
    filename: join(directory, name),
    rowGroupSize: 250,
    columnData: [
      { name: 'amount', data: data.map((row) => row.amount), type: 'DOUBLE' },
      { name: 'country', data: data.map((row) => row.country), type: 'STRING' },
      { name: 'returning', data: data.map((row) => row.returning), type: 'BOOLEAN' },
    ],
  });
  return name;
}

function writeCsv(name: string, data: readonly Row[]): string {
  writeFileSync(join(directory, name), toCsv(['amount', 'country', 'returning'], data.map((row) => [row.amount, row.country, row.returning])));
  return name;
}

const run = (...args: string[]): CliRun => runModelwatch(directory, ...args);
const withoutDate = (profile: Record<string, unknown>): Record<string, unknown> => ({ ...profile, createdAt: null });

let directory = '';
const reference = rows(2000, 1);
const current = rows(1000, 2, 15);

beforeAll(() => {
  assertBuilt();
  directory = mkdtempSync(join(tmpdir(), 'modelwatch-parquet-'));
  writeParquet('reference.parquet', reference);
  writeParquet('current.parquet', current);
  writeCsv('reference.csv', reference);
  writeCsv('current.csv', current);
});

afterAll(() => {
  if (directory !== '') rmSync(directory, { recursive: true, force: true });
});

describe('Parquet input', () => {
  it('the test file really has several row groups', () => {
    const metadata = parquetMetadata(readFileSync(join(directory, 'reference.parquet')).buffer);
    expect(metadata.row_groups.length).toBe(8);
  });

  it('profiles a Parquet file exactly as the same data in CSV', () => {
    expect(run('profile', 'reference.parquet', '--out', 'from-parquet.json').status).toBe(0);
    expect(run('profile', 'reference.csv', '--out', 'from-csv.json').status).toBe(0);
    const fromParquet = JSON.parse(readFileSync(join(directory, 'from-parquet.json'), 'utf8')) as Record<string, unknown> & { rowCount: number; features: Record<string, { kind: string; missingCount: number }> };
    expect(fromParquet.rowCount).toBe(2000);
    expect(fromParquet.features.amount).toMatchObject({ kind: 'numeric', missingCount: 21 });
    expect(fromParquet.features.returning?.kind).toBe('boolean');
    expect(withoutDate(fromParquet)).toEqual(withoutDate(JSON.parse(readFileSync(join(directory, 'from-csv.json'), 'utf8')) as Record<string, unknown>));
  });

  it('checks a Parquet file with the same report as the CSV, detecting the shift (exit 1)', () => {
    const fromParquet = run('check', '--reference', 'from-parquet.json', 'current.parquet', '--format', 'json');
    const fromCsv = run('check', '--reference', 'from-parquet.json', 'current.csv', '--format', 'json');
    expect(fromParquet.stderr).toBe('');
    expect(fromParquet.status).toBe(1);
    const report = checkOutputSchema.parse(JSON.parse(fromParquet.stdout));
    expect(report).toEqual(checkOutputSchema.parse(JSON.parse(fromCsv.stdout)));
    expect(report.dataset.rows.current).toBe(1000);
    expect(report.features.find((feature) => feature.name === 'amount')).toMatchObject({ drifted: true, sampleSize: 989 });
  });

  it('a file that is not Parquet, and an empty one, exit 2 naming the file', () => {
    writeFileSync(join(directory, 'fake.parquet'), 'amount,country\n1,DE\n');
    const fake = run('check', '--reference', 'from-parquet.json', 'fake.parquet');
    expect(fake.status).toBe(2);
    expect(fake.stderr).toMatch(/^modelwatch: fake\.parquet: not a readable Parquet file/);
    writeFileSync(join(directory, 'empty.parquet'), '');
    expect(run('profile', 'empty.parquet', '--out', 'x.json').stderr).toMatch(/^modelwatch: empty\.parquet: not a readable Parquet file/);
  });

  it('text in a numeric Parquet column is an input error naming the row and column, or a type_error finding with --lenient', () => {
    parquetWriteFile({
      filename: join(directory, 'typo.parquet'),
      columnData: [
        { name: 'amount', data: ['12.5', 'n/a'], type: 'STRING' },
        { name: 'country', data: ['DE', 'FR'], type: 'STRING' },
        { name: 'returning', data: [true, false], type: 'BOOLEAN' },
      ],
    });
    const strict = run('check', '--reference', 'from-parquet.json', 'typo.parquet');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/^modelwatch: typo\.parquet:1:1: value "12\.5" in numeric column "amount" is not a number/);
    const lenient = run('check', '--reference', 'from-parquet.json', 'typo.parquet', '--format', 'json', '--lenient');
    expect(lenient.status).toBe(1);
    const report = checkOutputSchema.parse(JSON.parse(lenient.stdout));
    expect(report.quality.find((q) => q.feature === 'amount' && q.check === 'type_error')).toMatchObject({ value: 1, failed: true });
  });
});
