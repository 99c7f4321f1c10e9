/**
 * The error the CLI raises for a bad input file or a bad command line: it names the file and,
 * where known, the 1-based line and column, and maps to exit code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, where: { file?: string; line?: number; column?: number } = {}, options?: { cause?: unknown }) {
    super(formatLocation(where) + message, options);
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/** `file:line:column: ` (compiler style), or as much of it as is known. */
function formatLocation(where: { file?: string; line?: number; column?: number }): string {
  if (where.file === undefined) return '';
  const line = where.line === undefined ? '' : `:${where.line}`;
  const column = where.line === undefined || where.column === undefined ? '' : `:${where.column}`;
  return `${where.file}${line}${column}: `;
}
