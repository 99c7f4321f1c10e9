import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh private directory under the OS temp dir, e.g. `/tmp/modelwatch-stack-AbC123`. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Removes a directory tree; a directory already gone is not an error. */
export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 3 });
}
