/**
 * Fuzzing the loaders (`parseProfile`, `loadProfile`) and the CLI's input parsing (`csvRecords`,
 * `inferCell`, `readRows`): any input either parses or fails with the library's own error type
 * (ProfileError / InputError) whose message names what is wrong (field path, or file:line:column);
 * never another exception, never a polluted prototype.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { csvRecords } from '../../src/cli/csv-records.js';
import { inferCell } from '../../src/cli/infer-cell.js';
import { InputError } from '../../src/cli/input-error.js';
import { readRows } from '../../src/cli/read-rows.js';
import { loadProfile, parseProfile } from '../../src/profile/load-profile.js';
import { ProfileError } from '../../src/profile/profile-error.js';
import { referenceProfile } from '../monitor/monitor-fixture.js';
import { hugeString, PROTOTYPE_KEYS, prototypeFingerprint, unicodeString } from './hostile-values.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const valid = JSON.parse(JSON.stringify(referenceProfile())) as Record<string, unknown>;
const fingerprint = prototypeFingerprint();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelwatch-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every path (as keys) to a value inside `json`. */
function pathsOf(json: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (json === null || typeof json !== 'object') return [prefix];
  const entries = Array.isArray(json) ? json.map((value, index) => [index, value] as const) : Object.entries(json);
  return [prefix, ...entries.flatMap(([key, value]) => pathsOf(value, [...prefix, key]))];
}

function replaceAt(json: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1] as string | number, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `features.x.binEdges[3]`, the path format of ProfileError issues. */
const formatPath = (path: ReadonlyArray<string | number>): string => path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');

const PATHS = pathsOf(valid).filter((path) => path.length > 0);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e308, -0, '', null, [], {}),
  unicodeString,
  hugeString,
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

describe('parseProfile / loadProfile with corrupted profiles', () => {
  it(`${RUNS} single-field corruptions: parses, or throws a ProfileError whose issues name a field; never anything else`, () => {
    let rejected = 0;
    let namedTheField = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), hostileJson, (path, value) => {
        const corrupted = replaceAt(valid, path, value);
        try {
          parseProfile(corrupted);
        } catch (error) {
          expect(error).toBeInstanceOf(ProfileError);
          const issues = (error as ProfileError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) expect(issue.message).not.toBe('');
          rejected++;
          const target = formatPath(path);
          if (issues.some((issue) => issue.path !== '' && (target.startsWith(issue.path) || issue.path.startsWith(target) || issue.path.split(/[.[]/)[1] === target.split(/[.[]/)[1]))) namedTheField++;
        }
        expect(prototypeFingerprint()).toBe(fingerprint);
      }),
      { numRuns: RUNS },
    );
    expect(rejected).toBeGreaterThan(RUNS / 4);
    expect(namedTheField / rejected).toBeGreaterThan(0.9);
  });

  it('a wrong type in a known field is named by its path and says what was expected', () => {
    const corrupted = replaceAt(valid, ['features', 'x', 'binEdges', 2], 'seven');
    expect(() => parseProfile(corrupted)).toThrow(/features\.x\.binEdges\[2\]: .*number/i);
  });

  it('prototype keys as feature names or top-level keys never pollute and never crash', () => {
    for (const key of PROTOTYPE_KEYS) {
      const text = JSON.stringify(valid).replace('"features":{', `"features":{"${key}":{"polluted":true},`).replace('{', `{"${key}":{"polluted":true},`);
      try {
        parseProfile(JSON.parse(text));
      } catch (error) {
        expect(error).toBeInstanceOf(ProfileError);
      }
    }
    expect(prototypeFingerprint()).toBe(fingerprint);
  });

  it('loadProfile names the file for a missing file, a directory, bad JSON, truncated JSON and an empty file', async () => {
    const cases: Array<[string, RegExp]> = [];
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    cases.push([join(dir, 'missing.json'), /missing\.json: cannot read the file \(ENOENT/]);
    mkdirSync(join(dir, 'a-directory.json'));
    cases.push([join(dir, 'a-directory.json'), /a-directory\.json: cannot read the file \(EISDIR/]);
    cases.push([write('bad.json', '{"schemaVersion": 1,,}'), /bad\.json: not valid JSON/]);
    cases.push([write('truncated.json', JSON.stringify(valid).slice(0, 500)), /truncated\.json: not valid JSON/]);
    cases.push([write('empty.json', ''), /empty\.json: not valid JSON/]);
    cases.push([write('array.json', '[1,2]'), /array\.json: /]);
    for (const [path, message] of cases) {
      await expect(loadProfile(path)).rejects.toThrow(message);
      await expect(loadProfile(path)).rejects.toBeInstanceOf(ProfileError);
    }
  });
});

/** RFC 4180 encoding of one record: quote when needed, double the quotes. */
const encodeCsv = (fields: readonly string[]): string => fields.map((field) => (/[",\r\n]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field)).join(',');

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function parseCsv(text: string, size: number): Promise<string[][]> {
  const records: string[][] = [];
  for await (const record of csvRecords(chunked(text, size), 'fuzz.csv')) records.push(record.fields);
  return records;
}

describe('CLI input parsing', () => {
  it(`csvRecords: ${RUNS} random tables of unicode fields (commas, quotes, CR/LF inside) round-trip exactly, in any chunking`, async () => {
    const field = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', 'a"b', ' '), unicodeString);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 17 }), async (rows, size) => {
        const width = rows[0]?.length ?? 2;
        const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? 'x'));
        const text = table.map((row) => encodeCsv(row)).join('\r\n');
        expect(await parseCsv(text, size)).toEqual(table);
      }),
      { numRuns: RUNS },
    );
  });

  it(`csvRecords: ${RUNS} random byte soups either parse or throw an InputError naming fuzz.csv:line:column`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', ' ', '\uFEFF', '🦄'), maxLength: 60 }), async (text) => {
        try {
          await parseCsv(text, 7);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).message).toMatch(/^fuzz\.csv:\d+:\d+: /);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('inferCell: never throws; decimal text of any finite double reads back as that double; other text stays text or a boolean', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hugeString, fc.double().map(String)), (text) => {
        const value = inferCell(text);
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
        if (typeof value === 'string') expect(value).toBe(text);
      }),
      { numRuns: RUNS * 4 },
    );
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => void expect(inferCell(String(x))).toBe(x === 0 ? 0 : x)), { numRuns: RUNS * 4 });
  });

  it(`readRows: ${RUNS} random CSV / JSON Lines files yield rows or fail with an InputError naming the file; prototype keys never pollute`, async () => {
    const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'x', 'y'), unicodeString);
    const jsonLine = fc.oneof(
      fc.dictionary(key, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }).map((object) => JSON.stringify(object)),
      fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)),
      fc.constantFrom('{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '{"x": 1', 'not json', ''),
    );
    const csvLine = fc.array(fc.oneof(key, fc.double().map(String)), { minLength: 1, maxLength: 3 }).map((fields) => encodeCsv(fields));
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.oneof(jsonLine, csvLine), { maxLength: 6 }), async (asCsv, lines) => {
        const path = join(dir, `rows-${file++}.${asCsv ? 'csv' : 'jsonl'}`);
        writeFileSync(path, lines.join('\n'));
        try {
          for await (const row of readRows(path)) expect(typeof row.values).toBe('object');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).message.startsWith(`${path}`)).toBe(true);
        }
        expect(prototypeFingerprint()).toBe(fingerprint);
      }),
      { numRuns: RUNS },
    );
  });
});
