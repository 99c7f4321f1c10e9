/**
 * Reading a reference profile back: from parsed JSON (`parseProfile`) or from a file, URL or object
 * (`loadProfile`). Both check the schema and the cross-field rules and throw a `ProfileError` naming
 * each bad field by its path.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkProfile } from './check-profile.js';
import { ProfileError, formatIssuePath } from './profile-error.js';
import { PROFILE_SCHEMA_VERSION, referenceProfileSchema } from './schema.js';
import type { ReferenceProfile } from './schema.js';

function newerVersionError(json: unknown, source: string | undefined): ProfileError | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !(version > PROFILE_SCHEMA_VERSION)) return undefined;
  return new ProfileError(
    [{ path: 'schemaVersion', message: `${version} was written by a newer modelwatch (this version reads up to ${PROFILE_SCHEMA_VERSION}); upgrade @modelwatch/otel` }],
    source,
  );
}

function parseWithSource(json: unknown, source: string | undefined): ReferenceProfile {
  const newer = newerVersionError(json, source);
  if (newer !== undefined) throw newer;
  const result = referenceProfileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
    throw new ProfileError(issues, source);
  }
  const issues = checkProfile(result.data);
  if (issues.length > 0) throw new ProfileError(issues, source);
  return result.data;
}

/**
 * Validates parsed JSON as a reference profile and returns it typed (unknown keys dropped).
 *
 * @throws ProfileError listing every problem as `path: message`, e.g.
 *   `features.age.binEdges[3]: must be greater than binEdges[2] (5 <= 5)`; a profile whose
 *   `schemaVersion` is newer than {@link PROFILE_SCHEMA_VERSION} is refused with an upgrade hint.
 * @example parseProfile(JSON.parse(text)).features.age?.kind // 'numeric'
 */
export function parseProfile(json: unknown): ReferenceProfile {
  return parseWithSource(json, undefined);
}

/**
 * Loads a reference profile: a string or `file:` URL is a path read from disk as UTF-8 JSON; any
 * other object is taken as the parsed profile itself. Validates as {@link parseProfile}.
 *
 * @throws ProfileError naming the file when it cannot be read, is not JSON (with the parser's
 *   message), or is not a valid profile.
 * @example const profile = await loadProfile('./reference-profile.json');
 */
export async function loadProfile(source: string | URL | object): Promise<ReferenceProfile> {
  if (typeof source !== 'string' && !(source instanceof URL)) {
    if (source === null || typeof source !== 'object') {
      throw new TypeError(`loadProfile: source must be a path, a file URL or a profile object; got ${String(source)}`);
    }
    return parseWithSource(source, undefined);
  }
  if (source instanceof URL && source.protocol !== 'file:') {
    throw new TypeError(`loadProfile: only file: URLs can be read; got ${source.href}`);
  }
  const path = source instanceof URL ? fileURLToPath(source) : source;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ProfileError([{ path: '', message: `cannot read the file (${(error as Error).message})` }], path, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError([{ path: '', message: `not valid JSON (${(error as Error).message})` }], path, { cause: error });
  }
  return parseWithSource(json, path);
}
