/**
 * Runs the BUILT `modelwatch` bin (`exporter/bin/modelwatch.js` → `exporter/dist/cli/main.js`) as a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const binScript = fileURLToPath(new URL('../../bin/modelwatch.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Throws an actionable error when the package has not been built. */
export function assertBuilt(): void {
  const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build -w exporter\` first (npm test does it)`);
}

/** `modelwatch ...args` in `cwd`, stdout and stderr piped. */
export function runModelwatch(cwd: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [binScript, ...args], { encoding: 'utf8', cwd, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** CSV text from a header and rows (RFC 4180 quoting where needed). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const field = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}
