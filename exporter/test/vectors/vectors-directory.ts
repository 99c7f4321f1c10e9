import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (three levels above this folder). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where the reference vectors are: `$REFERENCE_VECTORS_DIR` (a relative path is taken from the
 * repository root), by default `../shared/reference-vectors` beside the repository.
 */
export function vectorsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repositoryRoot, env.REFERENCE_VECTORS_DIR ?? '../shared/reference-vectors');
}

/** Families selected by `$VECTOR_FAMILIES` (comma-separated), or undefined for all. */
export function selectedFamilies(env: NodeJS.ProcessEnv = process.env): Set<string> | undefined {
  const list = env.VECTOR_FAMILIES?.split(',').map((name) => name.trim()).filter(Boolean);
  return list && list.length > 0 ? new Set(list) : undefined;
}
