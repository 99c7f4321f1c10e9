import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the daemons installed by `scripts/install-stack.sh`. */
export interface StackBinaries {
  readonly prometheus: string;
  readonly vmagent: string;
  readonly alertmanager: string;
  readonly promtool: string;
  readonly amtool: string;
}

const INSTALL_SCRIPT = join('scripts', 'install-stack.sh');
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** The repository root: the nearest ancestor of this file holding `scripts/install-stack.sh`. */
export function findRepositoryRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, INSTALL_SCRIPT))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ${INSTALL_SCRIPT} in any parent of ${start}`);
  }
}

function binariesIn(root: string): StackBinaries {
  const bin = join(root, '.stack', 'bin');
  return {
    prometheus: join(bin, 'prometheus'),
    vmagent: join(bin, 'vmagent'),
    alertmanager: join(bin, 'alertmanager'),
    promtool: join(bin, 'promtool'),
    amtool: join(bin, 'amtool'),
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the stack's binaries under `<repo>/.stack/bin`, first running `scripts/install-stack.sh`
 * (idempotent, Debian packages only) when one is missing, so a fresh clone can run the tests.
 * @throws {Error} with the installer's output when the install fails or leaves a binary missing.
 */
export function resolveStackBinaries(root = findRepositoryRoot()): StackBinaries {
  const binaries = binariesIn(root);
  const missing = () => Object.values(binaries).filter((path) => !isExecutable(path));
  if (missing().length === 0) return binaries;
  try {
    execFileSync('bash', [join(root, INSTALL_SCRIPT)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: INSTALL_TIMEOUT_MS,
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${INSTALL_SCRIPT} failed: ${(error as Error).message}\n${stdout}${stderr}`);
  }
  const stillMissing = missing();
  if (stillMissing.length > 0) {
    throw new Error(`${INSTALL_SCRIPT} ran but these are still missing: ${stillMissing.join(', ')}`);
  }
  return binaries;
}
