/**
 * The reference-vector test: every case of every file in $REFERENCE_VECTORS_DIR runs through the
 * public functions (via ./adapters) and is compared at its own tolerance. Unknown families, unknown
 * case shapes and unreadable files fail. Prints a table per family and `vectors: N passed, M failed`.
 */
import { existsSync } from 'node:fs';
import { adapterLabel, loadAdapters, type RegisteredAdapter } from './adapters-registry.js';
import { loadVectorDirectory } from './load-vectors.js';
import { formatReport } from './report.js';
import { runCase, type CaseResult } from './run-case.js';
import { selectedFamilies, vectorsDirectory } from './vectors-directory.js';

const directory = vectorsDirectory();
const families = selectedFamilies();
const loaded = existsSync(directory) ? loadVectorDirectory(directory) : [];
const adapters = await loadAdapters();
const results: CaseResult[] = [];
const fileProblems: string[] = [];

test(`reference vectors are present in ${directory}`, () => {
  expect(existsSync(directory)).toBe(true);
  expect(loaded.length).toBeGreaterThan(0);
});

for (const entry of loaded) {
  if ('error' in entry) {
    test(`${entry.fileName} is a readable vector file`, () => {
      fileProblems.push(`${entry.fileName}: ${entry.error}`);
      throw new Error(`${entry.fileName}: ${entry.error}`);
    });
    continue;
  }
  const { family, cases } = entry.file;
  if (families !== undefined && !families.has(family)) continue;
  const variants = adapters.get(family) ?? [];
  // The plain (batch) adapter is always expected: a family with only variants still reports it missing.
  const registered: (RegisteredAdapter | undefined)[] = variants.some((entry) => entry.variant === undefined) ? variants : [undefined, ...variants];
  for (const entryAdapter of registered) {
    const label = adapterLabel(family, entryAdapter?.variant);
    describe(`${label} (${entry.fileName})`, () => {
      for (const testCase of cases) {
        test(`${testCase.id}${testCase.group ? ` [${testCase.group}]` : ''}`, () => {
          const result = runCase(label, entryAdapter?.adapter, testCase);
          results.push(result);
          if (!result.passed) {
            const details = result.problem ?? result.mismatches.map((m) => `${m.path}: got ${String(m.actual)}, expected ${String(m.expected)} (${m.reason})`).join('\n');
            throw new Error(`${label}/${testCase.id}: ${details}`);
          }
        });
      }
    });
  }
}

afterAll(() => {
  process.stdout.write(formatReport(results, fileProblems));
});
