/** One problem found in a profile: where (`features.age.binEdges[3]`) and what. */
export interface ProfileIssue {
  path: string;
  message: string;
}

/**
 * Thrown by `parseProfile` / `loadProfile` when a reference profile cannot be used. The message names
 * the source (when read from a file), then every problem as `path: message`; `issues` holds them
 * one by one for programs.
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  readonly issues: readonly ProfileIssue[];
  readonly source: string | undefined;

  constructor(issues: readonly ProfileIssue[], source?: string, options?: { cause?: unknown }) {
    super(formatMessage(issues, source), options);
    this.issues = issues;
    this.source = source;
  }
}

const MAX_LISTED_ISSUES = 10;

function formatMessage(issues: readonly ProfileIssue[], source: string | undefined): string {
  const prefix = source === undefined ? 'invalid reference profile' : `invalid reference profile ${source}`;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
  const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
  return `${prefix}: ${listed.join('; ')}${more}`;
}

/**
 * Formats a zod-style path (`['features', 'age', 'binEdges', 3]`) the way people write it:
 * `features.age.binEdges[3]`. Keys that are not plain identifiers are quoted: `features["my col"]`.
 *
 * @internal
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}
