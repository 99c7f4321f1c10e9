/**
 * Keeps the last lines a daemon wrote (stdout and stderr interleaved as they arrive), so a failure
 * can be reported with the daemon's own words without holding its whole log in memory.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  /** @param capacity how many complete lines to keep (oldest dropped first). */
  constructor(private readonly capacity = 100) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`LogTail: capacity must be a positive integer, got ${String(capacity)}`);
    }
  }

  /** Appends a chunk of output; a line split across chunks is joined before it is kept. */
  append(chunk: string | Buffer): void {
    const pieces = (this.partial + chunk.toString()).split('\n');
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.push(line);
  }

  /** The kept lines, oldest first, including an unterminated last line if any. */
  snapshot(): string[] {
    return this.partial === '' ? [...this.lines] : [...this.lines, this.partial];
  }

  /** The kept lines joined for an error message. */
  toString(): string {
    return this.snapshot().join('\n');
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }
}
