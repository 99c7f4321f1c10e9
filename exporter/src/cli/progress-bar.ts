/**
 * A one-line progress bar on stderr for long reads: rows, rows/s, and bytes read of the file size.
 * Shown only when stderr is a terminal; redrawn at most every 100 ms; erased when done.
 */

/** Where the bar is drawn: a terminal stream (`process.stderr`) or a test double. */
export interface ProgressTerminal {
  isTTY: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** What the CLI's readers report to. */
export interface Progress {
  /** Counts one more row (cheap: a counter and, every 1024 rows, a clock read). */
  row(): void;
  /** The bytes read from disk so far. */
  bytes(bytesRead: number): void;
  /** Erases the bar (call when the pass is done). */
  done(): void;
}

/** A progress that shows nothing (stderr piped or redirected). */
export const NO_PROGRESS: Progress = { row() {}, bytes() {}, done() {} };

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/** `1.5 MB`, `230 kB`, `12 B` (decimal units). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * The text of the bar (pure): label, bar, percent of bytes, bytes, rows and rows/s. The label is cut
 * (with an ellipsis) so the line fits `width - 1` columns.
 *
 * @example progressLine({ label: 'check day.csv', rows: 5000, bytesRead: 5e5, totalBytes: 1e6, elapsedMs: 1000, width: 100 })
 * // 'check day.csv [############------------]  50% 500.0 kB / 1.0 MB  5,000 rows  5,000 rows/s'
 */
export function progressLine(state: { label: string; rows: number; bytesRead: number; totalBytes: number; elapsedMs: number; width: number }): string {
  const fraction = state.totalBytes > 0 ? Math.min(1, state.bytesRead / state.totalBytes) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = state.elapsedMs > 0 ? Math.round((state.rows * 1000) / state.elapsedMs) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const stats = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${percent} ${formatBytes(state.bytesRead)} / ${formatBytes(state.totalBytes)}  ${state.rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s`;
  const room = state.width - 1 - stats.length - 1;
  if (room <= 1) return stats.slice(0, Math.max(0, state.width - 1));
  const label = state.label.length > room ? `${state.label.slice(0, room - 1)}…` : state.label;
  return `${label} ${stats}`;
}

/**
 * A progress bar for reading a file of `totalBytes`, drawn on `terminal` when it is a TTY
 * ({@link NO_PROGRESS} otherwise).
 *
 * @example const progress = createProgress(process.stderr, 'profile train.csv', size);
 */
export function createProgress(terminal: ProgressTerminal | undefined, label: string, totalBytes: number, now: () => number = Date.now): Progress {
  if (terminal === undefined || !terminal.isTTY) return NO_PROGRESS;
  const started = now();
  let rows = 0;
  let bytesRead = 0;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const draw = (time: number): void => {
    drawnAt = time;
    drawn = true;
    terminal.write(`\r${progressLine({ label, rows, bytesRead, totalBytes, elapsedMs: time - started, width: terminal.columns !== undefined && terminal.columns > 0 ? terminal.columns : 120 })}\u001b[K`);
  };
  const maybeDraw = (): void => {
    const time = now();
    if (time - drawnAt >= REDRAW_MS) draw(time);
  };
  return {
    row() {
      rows++;
      if ((rows & 1023) === 0) maybeDraw();
    },
    bytes(value) {
      bytesRead = value;
      maybeDraw();
    },
    done() {
      if (drawn) terminal.write('\r\u001b[K');
    },
  };
}
