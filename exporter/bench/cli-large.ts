/**
 * `npm run bench:cli -w exporter` — the CLI on large inputs (issues #7 and #8): generates a reference and a
 * current CSV of 1 M rows × 20 columns (15 numeric, 5 categorical; drift in 3 columns of the current) in /tmp,
 * runs the BUILT `modelwatch profile` and `modelwatch check` under `/usr/bin/time -v` (wall time, peak RSS),
 * then the pandas + SciPy baseline (bench/cli-baseline.py: KS, chi-squared, PSI on the same files) with
 * Debian's python3 (installed by bench/install-python-deps.sh). Prints a table, then one JSON summary line.
 * Options: `--rows N` (default 1 000 000), `--dir PATH` (default /tmp/modelwatch-cli-bench), `--no-python`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NUMERIC = 15;
const CATEGORICAL = 5;
const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
const PYTHON = '/usr/bin/python3';

const argv = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] !== undefined ? (argv[index + 1] as string) : fallback;
}
const rows = Number(option('--rows', '1000000'));
if (!Number.isSafeInteger(rows) || rows < 1000) throw new RangeError(`--rows must be an integer >= 1000; got ${option('--rows', '')}`);
const directory = option('--dir', '/tmp/modelwatch-cli-bench');
const withPython = !argv.includes('--no-python');
const bin = fileURLToPath(new URL('../bin/modelwatch.js', import.meta.url));
const mainScript = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const baselineScript = fileURLToPath(new URL('./cli-baseline.py', import.meta.url));
const installScript = fileURLToPath(new URL('./install-python-deps.sh', import.meta.url));

/** A small seeded generator (mulberry32) and standard normal draws (Box–Muller). */
function generator(seed: number): { uniform: () => number; normal: () => number } {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Writes `count` rows; `drift` shifts f0 by 0.5 σ, widens f1 by 1.5× and skews c0 towards its first category. */
function writeCsv(file: string, count: number, seed: number, drift: boolean): void {
  const { uniform, normal } = generator(seed);
  const header = [...Array.from({ length: NUMERIC }, (_, i) => `f${i}`), ...Array.from({ length: CATEGORICAL }, (_, i) => `c${i}`)];
  const fd = openSync(file, 'w');
  writeSync(fd, `${header.join(',')}\n`);
  let batch: string[] = [];
  for (let row = 0; row < count; row++) {
    const cells: string[] = [];
    for (let i = 0; i < NUMERIC; i++) {
      let value = 10 * i + (i + 1) * normal();
      if (drift && i === 0) value += 0.5;
      if (drift && i === 1) value = 10 + (value - 10) * 1.5;
      cells.push(value.toFixed(3));
    }
    for (let i = 0; i < CATEGORICAL; i++) {
      const skew = drift && i === 0 && uniform() < 0.2;
      cells.push(skew ? (CATEGORIES[0] as string) : (CATEGORIES[Math.floor(uniform() ** (1 + i * 0.3) * CATEGORIES.length)] as string));
    }
    batch.push(cells.join(','));
    if (batch.length === 10_000) {
      writeSync(fd, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  closeSync(fd);
}

interface Timed {
  seconds: number;
  peakRssMB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command under `/usr/bin/time -v` and reads its wall time and maximum resident set size. */
function timed(command: string, args: readonly string[]): Timed {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', cwd: directory, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { seconds, peakRssMB: rss === null ? Number.NaN : Number(rss[1]) / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function must(run: Timed, what: string, okStatuses: readonly number[]): Timed {
  if (run.status === null || !okStatuses.includes(run.status)) throw new Error(`${what} exited ${run.status}:\n${run.stderr}`);
  return run;
}

if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run \`npm run build -w exporter\` first`);
if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (Debian package `time`): it measures the peak RSS');
mkdirSync(directory, { recursive: true });
const reference = join(directory, `reference-${rows}.csv`);
const current = join(directory, `current-${rows}.csv`);
const generateStarted = performance.now();
if (!existsSync(reference)) writeCsv(reference, rows, 1, false);
if (!existsSync(current)) writeCsv(current, rows, 2, true);
const generateSeconds = (performance.now() - generateStarted) / 1000;
const sizeMB = (file: string): number => statSync(file).size / 1e6;
console.log(`${rows.toLocaleString('en-US')} rows × ${NUMERIC + CATEGORICAL} columns: reference ${sizeMB(reference).toFixed(0)} MB, current ${sizeMB(current).toFixed(0)} MB (generated in ${generateSeconds.toFixed(1)} s; reused when present)`);

const profile = must(timed(process.execPath, [bin, 'profile', reference, '--out', join(directory, 'profile.json')]), 'modelwatch profile', [0]);
const check = must(timed(process.execPath, [bin, 'check', '--reference', join(directory, 'profile.json'), current, '--format', 'json', '--out', join(directory, 'report.json')]), 'modelwatch check', [0, 1]);

let python: (Timed & { readSeconds: number; testSeconds: number; versions: string }) | undefined;
if (withPython) {
  const install = spawnSync('sh', [installScript], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) throw new Error(`${installScript} failed (exit ${install.status}); run it as root or pass --no-python`);
  const run = must(timed(PYTHON, [baselineScript, reference, current]), 'pandas + SciPy baseline', [0]);
  const parsed = JSON.parse(run.stdout) as { readSeconds: number; testSeconds: number; pandas: string; scipy: string };
  python = { ...run, readSeconds: parsed.readSeconds, testSeconds: parsed.testSeconds, versions: `pandas ${parsed.pandas}, SciPy ${parsed.scipy}` };
}

const round = (value: number, digits = 3): number => Number(value.toPrecision(digits));
const summary = {
  kind: 'cli-large',
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  rows,
  columns: NUMERIC + CATEGORICAL,
  profileSeconds: round(profile.seconds),
  profilePeakRssMB: round(profile.peakRssMB),
  profileRowsPerSec: round((2 * rows) / profile.seconds),
  checkSeconds: round(check.seconds),
  checkPeakRssMB: round(check.peakRssMB),
  checkRowsPerSec: round(rows / check.seconds),
  checkExitCode: check.status,
  ...(python === undefined
    ? {}
    : {
        pandasSeconds: round(python.seconds),
        pandasReadSeconds: round(python.readSeconds),
        pandasTestSeconds: round(python.testSeconds),
        pandasPeakRssMB: round(python.peakRssMB),
        pandasVersions: python.versions,
        checkVsPandasRatio: round(check.seconds / python.seconds),
        profilePlusCheckVsPandasRatio: round((profile.seconds + check.seconds) / python.seconds),
      }),
};
console.log('');
console.log('step                          wall s   peak RSS MB');
console.log(`modelwatch profile (2 passes) ${profile.seconds.toFixed(1).padStart(7)} ${profile.peakRssMB.toFixed(0).padStart(12)}`);
console.log(`modelwatch check              ${check.seconds.toFixed(1).padStart(7)} ${check.peakRssMB.toFixed(0).padStart(12)}   (exit ${check.status})`);
if (python !== undefined) {
  console.log(`pandas + SciPy (both files)   ${python.seconds.toFixed(1).padStart(7)} ${python.peakRssMB.toFixed(0).padStart(12)}   (read ${python.readSeconds.toFixed(1)} s, tests ${python.testSeconds.toFixed(1)} s; ${python.versions})`);
  console.log(`check / pandas+SciPy: ${summary.checkVsPandasRatio}×; profile+check / pandas+SciPy: ${summary.profilePlusCheckVsPandasRatio}×`);
}
console.log(JSON.stringify(summary));
