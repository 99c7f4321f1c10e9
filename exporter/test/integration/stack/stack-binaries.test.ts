/** Locating the stack, and installing it on first use (with a stand-in installer: no network). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepositoryRoot, resolveStackBinaries } from './stack-binaries.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A fake repository whose scripts/install-stack.sh runs `body` and counts its runs. */
function fakeRepository(body: string): string {
  const root = mkdtempSync(join(tmpdir(), 'modelwatch-fake-repo-'));
  roots.push(root);
  mkdirSync(join(root, 'scripts'));
  writeFileSync(join(root, 'scripts', 'install-stack.sh'), `set -e\ncd "$(dirname "$0")/.."\necho run >> runs\n${body}\n`);
  return root;
}

const INSTALL_ALL = [
  'mkdir -p .stack/bin',
  'for b in prometheus vmagent alertmanager promtool amtool; do printf "#!/bin/sh\\n" > .stack/bin/$b; chmod +x .stack/bin/$b; done',
].join('\n');

test('the repository root is the ancestor holding scripts/install-stack.sh', () => {
  expect(existsSync(join(findRepositoryRoot(), 'scripts', 'install-stack.sh'))).toBe(true);
  expect(existsSync(join(findRepositoryRoot(), 'exporter', 'package.json'))).toBe(true);
});

test('missing binaries: the installer runs once, then the installed paths are used', () => {
  const root = fakeRepository(INSTALL_ALL);
  const binaries = resolveStackBinaries(root);
  expect(binaries.vmagent).toBe(join(root, '.stack', 'bin', 'vmagent'));
  expect(binaries.alertmanager).toBe(join(root, '.stack', 'bin', 'alertmanager'));
  resolveStackBinaries(root);
  expect(readFileSync(join(root, 'runs'), 'utf8')).toBe('run\n');
});

test('a failing installer is reported with its output', () => {
  const root = fakeRepository('echo "stack: apt-get/dpkg not available" >&2; exit 3');
  expect(() => resolveStackBinaries(root)).toThrow(/install-stack\.sh failed[\s\S]*apt-get\/dpkg not available/);
});

test('an installer that leaves a binary missing is reported by name', () => {
  const root = fakeRepository(`${INSTALL_ALL}\nrm .stack/bin/amtool`);
  expect(() => resolveStackBinaries(root)).toThrow(/still missing: .*amtool/);
});
