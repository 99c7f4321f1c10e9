/**
 * `modelwatch check`: compare a CSV or JSON Lines file with a reference profile.
 */
import { writeFile } from 'node:fs/promises';
import { compareToProfile } from '../check/compare-to-profile.js';
import { loadProfile } from '../profile/load-profile.js';
import { ProfileError } from '../profile/profile-error.js';
import type { ReferenceProfile } from '../profile/schema.js';
import { checkFailed, checkReport, type CheckReport } from './check-report.js';
import { formatCheckTable } from './format-table.js';
import { InputError } from './input-error.js';
import { readRows } from './read-rows.js';

export const CHECK_FORMATS = ['table', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Options of the `check` command, as parsed from the command line. */
export interface CheckCommandOptions {
  reference: string;
  format: CheckFormat;
  out?: string;
}

async function loadReference(file: string): Promise<ReferenceProfile> {
  try {
    return await loadProfile(file);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(error.message, {}, { cause: error });
    throw error;
  }
}

/**
 * Reads the profile's columns of `input` (streamed; only the profiled columns' values are kept,
 * column-wise) and compares them with the profile using the documented defaults.
 *
 * @throws InputError for a bad profile (via `ProfileError`) or a bad input file.
 */
export async function checkFile(referenceFile: string, input: string): Promise<CheckReport> {
  const profile = await loadReference(referenceFile);
  const columns: Record<string, unknown[]> = Object.fromEntries(profile.featureOrder.map((name) => [name, []]));
  const entries = Object.entries(columns);
  for await (const { values } of readRows(input)) {
    for (const [name, column] of entries) column.push(values[name]);
  }
  return checkReport(compareToProfile(profile, columns));
}

/**
 * Runs `modelwatch check`: prints (or writes to `--out`) the report and returns the exit code,
 * 0 when nothing failed and 1 when drift or a quality check failed.
 */
export async function runCheckCommand(input: string, options: CheckCommandOptions, print: (text: string) => void): Promise<0 | 1> {
  const report = await checkFile(options.reference, input);
  const text = options.format === 'json' ? `${JSON.stringify(report)}\n` : formatCheckTable(report);
  if (options.out === undefined) print(text);
  else {
    try {
      await writeFile(options.out, text, 'utf8');
    } catch (error) {
      throw new InputError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: options.out }, { cause: error });
    }
  }
  return checkFailed(report) ? 1 : 0;
}
