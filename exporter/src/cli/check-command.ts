/**
 * `modelwatch check`: compare a CSV, JSON Lines or Parquet file with a reference profile, streaming.
 */
import { stat, writeFile } from 'node:fs/promises';
import { ComparisonAccumulator, type ProfileComparison } from '../check/comparison-accumulator.js';
import { loadProfile } from '../profile/load-profile.js';
import { ProfileError } from '../profile/profile-error.js';
import type { ReferenceProfile } from '../profile/schema.js';
import { checkFailed, checkReport, type CheckReport } from './check-report.js';
import { formatCheckTable } from './format-table.js';
import { renderHtmlReport } from './html-report.js';
import { InputError } from './input-error.js';
import { createProgress, type ProgressTerminal } from './progress-bar.js';
import { readRows } from './read-rows.js';
import { typeErrorAt } from './type-error.js';

export const CHECK_FORMATS = ['table', 'json', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Options of the `check` command, as parsed from the command line. */
export interface CheckCommandOptions {
  reference: string;
  format: CheckFormat;
  out?: string;
  /** Count values of the wrong type as `type_error` findings (exit 1) instead of an input error (exit 2). */
  lenient?: boolean;
}

/** How a file is checked. */
export interface CheckFileOptions {
  lenient?: boolean;
  /** Where a progress bar may be drawn (only when it is a TTY). */
  terminal?: ProgressTerminal;
}

/** The JSON report and the comparison behind it (distributions for the HTML report). */
export interface CheckResult {
  report: CheckReport;
  comparison: ProfileComparison;
}

async function loadReference(file: string): Promise<ReferenceProfile> {
  try {
    return await loadProfile(file);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(error.message, {}, { cause: error });
    throw error;
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0; // readRows reports the unreadable file
  }
}

/**
 * Streams `input` through a {@link ComparisonAccumulator} on the profile's bins (memory: the
 * profile's size, whatever the number of rows) and compares with the documented defaults.
 * A value of the wrong type is an input error naming its file, line and column, unless `lenient`.
 *
 * @throws InputError for a bad profile (via `ProfileError`), a bad input file or (not lenient) a bad value.
 */
export async function checkFile(referenceFile: string, input: string, options: CheckFileOptions = {}): Promise<CheckResult> {
  const profile = await loadReference(referenceFile);
  const accumulator = new ComparisonAccumulator(profile);
  const tallies = accumulator.tallies;
  const progress = createProgress(options.terminal, `check ${input}`, await fileSize(input));
  try {
    for await (const row of readRows(input, { columns: tallies.map((tally) => tally.name), onBytes: (bytes) => progress.bytes(bytes) })) {
      const values = row.values;
      for (const tally of tallies) {
        const value = Object.hasOwn(values, tally.name) ? values[tally.name] : undefined;
        if (tally.add(value) === 'type_error' && options.lenient !== true) throw typeErrorAt(input, row.locate(tally.name), tally.name, tally.profile.kind, value);
      }
      accumulator.countRows(1);
      progress.row();
    }
  } finally {
    progress.done();
  }
  const comparison = accumulator.finish();
  return { report: checkReport(comparison), comparison };
}

function render(result: CheckResult, input: string, options: CheckCommandOptions): string {
  if (options.format === 'json') return `${JSON.stringify(result.report)}\n`;
  if (options.format === 'table') return formatCheckTable(result.report);
  const distributions = new Map(result.comparison.features.map((feature) => [feature.name, feature.distribution]));
  return renderHtmlReport(result.report, { input, reference: options.reference, generatedAt: new Date(), distributions });
}

/**
 * Runs `modelwatch check`: prints (or writes to `--out`) the report and returns the exit code,
 * 0 when nothing failed and 1 when drift or a quality check failed.
 */
export async function runCheckCommand(input: string, options: CheckCommandOptions, print: (text: string) => void, terminal?: ProgressTerminal): Promise<0 | 1> {
  const result = await checkFile(options.reference, input, { lenient: options.lenient === true, ...(terminal === undefined ? {} : { terminal }) });
  const text = render(result, input, options);
  if (options.out === undefined) print(text);
  else {
    try {
      await writeFile(options.out, text, 'utf8');
    } catch (error) {
      throw new InputError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: options.out }, { cause: error });
    }
  }
  return checkFailed(result.report) ? 1 : 0;
}
