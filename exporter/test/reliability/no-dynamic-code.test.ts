/**
 * No dynamic code evaluation in what users run: the built library (`exporter/dist`, what npm ships) and
 * its sources contain no `eval(`, `new Function(`, `Function(` string constructor or `node:vm` use.
 * (Tests may use them; the library may not.) Dependencies are out of scope here; `npm audit` covers them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const exporterRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['eval(', /(^|[^\w.$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(…) constructor call', /(^|[^\w.$])Function\s*\(\s*['"`]/],
  ['node:vm', /['"](node:)?vm['"]/],
  ['string timer', /\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/],
];

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name));
}

function offences(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, ''); // comments may mention the words
      for (const [name, pattern] of FORBIDDEN) if (pattern.test(code)) found.push(`${relative(exporterRoot, file)}:${index + 1}: ${name}: ${line.trim()}`);
    });
  }
  return found;
}

test('the patterns catch what they are meant to catch', () => {
  const samples = ['eval("1")', 'const f = new Function("a", "return a")', "Function('return this')()", "import vm from 'node:vm'", "setTimeout('alert(1)', 0)"];
  for (const [index, [, pattern]] of FORBIDDEN.entries()) expect(pattern.test(samples[index] as string)).toBe(true);
  expect(FORBIDDEN.some(([, pattern]) => pattern.test('const evaluate = medieval(x); node.evaluation(); myFunction(1)'))).toBe(false);
});

test('exporter/src and exporter/dist have no eval, new Function, vm or string timers', () => {
  const dist = join(exporterRoot, 'dist');
  expect({ dist, built: existsSync(dist) }).toEqual({ dist, built: true }); // npm test builds first; else run `npm run build -w exporter`
  const files = [...filesUnder(join(exporterRoot, 'src'), ['.ts']), ...filesUnder(dist, ['.js'])];
  expect(files.length).toBeGreaterThan(100);
  expect(offences(files)).toEqual([]);
});
