/**
 * Runs the demo as a user does (through tsx, against the built package) and checks what it reports:
 * no drift on stationary traffic, drift on the sudden shift, failed quality checks on the fault.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const examplesRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(examplesRoot, '..', 'node_modules', '.bin', 'tsx');

test('the demo reports no drift, then drift, then the quality fault, and exits 0', async () => {
  const { stdout } = await promisify(execFile)(tsx, ['src/demo.ts'], { cwd: examplesRoot, timeout: 60_000 });
  const sections = stdout.split('\n== ');
  const stationary = sections.find((section) => section.startsWith('stationary traffic'));
  const drift = sections.find((section) => section.startsWith('sudden drift'));
  const fault = sections.find((section) => section.startsWith('data-quality fault'));
  expect(stationary).toMatch(/0\/4 features drifted -> no dataset drift/);
  expect(stationary).toMatch(/quality: all checks passed/);
  expect(drift).toMatch(/^\s+amount\s+psi\s+\S+\s+-\s+0\.2000\s+DRIFT$/m);
  expect(drift).toMatch(/DATASET DRIFT/);
  expect(fault).toMatch(/quality FAILED: country missing/);
  expect(fault).toMatch(/quality FAILED: country new_category/);
  expect(stdout).toMatch(/drift detected at index \d+/);
}, 60_000);
