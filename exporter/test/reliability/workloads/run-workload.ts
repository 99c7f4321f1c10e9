/**
 * Runs a workload script in a fresh Node process with `--expose-gc` (through tsx, on the TypeScript
 * sources) and returns the JSON object it prints last: memory figures measured outside Jest's own heap.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Runs `workloads/<name>.ts` with `args` (and extra Node flags); rejects with its stderr when it fails or outlives `timeoutMs`. */
export function runWorkload<T>(name: string, args: readonly string[], timeoutMs: number, nodeFlags: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', ...nodeFlags, '--import', 'tsx', join(here, `${name}.ts`), ...args],
      { cwd: here, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`workload ${name} failed: ${error.message}\n${stderr.slice(-4000)}`));
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`workload ${name} printed no JSON result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
        }
      },
    );
  });
}
