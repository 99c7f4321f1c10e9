/**
 * The progress bar's rendering and throttling, on a fake terminal and clock.
 */
import { describe, expect, it } from '@jest/globals';
import { createProgress, formatBytes, progressLine } from '../../src/cli/progress-bar.js';

function fakeTerminal(isTTY: boolean, columns?: number): { isTTY: boolean; columns?: number; written: string[]; write: (text: string) => boolean } {
  const written: string[] = [];
  return { isTTY, ...(columns === undefined ? {} : { columns }), written, write: (text) => written.push(text) > 0 };
}

describe('progress bar', () => {
  it('formats bytes in decimal units', () => {
    expect([formatBytes(12), formatBytes(230_400), formatBytes(137_172_563), formatBytes(2.5e9)]).toEqual(['12 B', '230.4 kB', '137.2 MB', '2.5 GB']);
  });

  it('shows the share of bytes read, rows and rows per second, and cuts the label to fit', () => {
    const line = progressLine({ label: 'check day.csv', rows: 5000, bytesRead: 5e5, totalBytes: 1e6, elapsedMs: 2000, width: 100 });
    expect(line).toBe('check day.csv [############------------]  50% 500.0 kB / 1.0 MB  5,000 rows  2,500 rows/s');
    const narrow = progressLine({ label: 'check /a/very/long/path/to/day.csv', rows: 5000, bytesRead: 5e5, totalBytes: 1e6, elapsedMs: 2000, width: 90 });
    expect(narrow.length).toBeLessThanOrEqual(89);
    expect(narrow).toMatch(/^check \/a\/ver… \[#/);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const terminal = fakeTerminal(false);
    const progress = createProgress(terminal, 'check day.csv', 1000);
    for (let i = 0; i < 5000; i++) progress.row();
    progress.bytes(1000);
    progress.done();
    expect(terminal.written).toEqual([]);
  });

  it('redraws at most every 100 ms and erases the line when done', () => {
    const terminal = fakeTerminal(true, 120);
    let clock = 0;
    const progress = createProgress(terminal, 'profile a.csv', 2000, () => clock);
    progress.bytes(500); // first draw
    clock = 50;
    progress.bytes(1000); // too soon
    clock = 150;
    for (let i = 0; i < 1024; i++) progress.row(); // the 1024th row reads the clock: redraw
    progress.done();
    expect(terminal.written).toHaveLength(3);
    expect(terminal.written[0]).toBe(`\rprofile a.csv [${'#'.repeat(6)}${'-'.repeat(18)}]  25% 500 B / 2.0 kB  0 rows  0 rows/s\u001b[K`);
    expect(terminal.written[1]).toContain('50% 1.0 kB / 2.0 kB  1,024 rows  6,827 rows/s');
    expect(terminal.written[2]).toBe('\r\u001b[K');
  });
});
