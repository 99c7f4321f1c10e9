/**
 * `modelwatch profile`: build a reference profile from a CSV or JSON Lines file.
 */
import { writeFile } from 'node:fs/promises';
import { ProfileBuilder } from '../profile/profile-builder.js';
import type { ProfileOptions } from '../profile/profile-options.js';
import type { ReferenceProfile } from '../profile/schema.js';
import { InputError } from './input-error.js';
import { readRows } from './read-rows.js';

/** Options of the `profile` command, as parsed from the command line. */
export interface ProfileCommandOptions {
  out: string;
  target?: string;
  prediction?: string;
  score?: string;
  categorical?: string[];
  bins?: number;
}

/** The library options the command-line options stand for. */
export function profileOptionsFrom(options: Omit<ProfileCommandOptions, 'out'>): ProfileOptions {
  return {
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.prediction === undefined ? {} : { prediction: options.prediction }),
    ...(options.score === undefined ? {} : { score: options.score }),
    ...(options.categorical === undefined ? {} : { kinds: { categorical: options.categorical } }),
    ...(options.bins === undefined ? {} : { binCount: options.bins }),
  };
}

/**
 * Profiles `input` in two streaming passes (the first fixes kinds and quantile bin edges, the second
 * counts exactly on them, see `ProfileBuilder.edgesFromFirstPass`) and returns the profile. Memory is
 * bounded by the builder's per-column state, not by the number of rows.
 *
 * @throws InputError for a bad file or for options the profile builder refuses.
 */
export async function profileFile(input: string, options: Omit<ProfileCommandOptions, 'out'>): Promise<ReferenceProfile> {
  let first: ProfileBuilder;
  try {
    first = new ProfileBuilder(profileOptionsFrom(options));
  } catch (error) {
    throw new InputError((error as Error).message.replace(/^options\./, '--'), {}, { cause: error });
  }
  for await (const { values } of readRows(input)) first.add(values);
  const second = first.edgesFromFirstPass();
  for await (const { values } of readRows(input)) second.add(values);
  const profile = second.finish();
  for (const role of ['target', 'prediction', 'score'] as const) {
    const column = options[role];
    if (column !== undefined && !Object.hasOwn(profile.features, column)) {
      throw new InputError(`--${role} names column "${column}", which is not in the file (columns: ${profile.featureOrder.join(', ')})`, { file: input });
    }
  }
  return profile;
}

/** Runs `modelwatch profile`: writes the profile as JSON to `options.out`. */
export async function runProfileCommand(input: string, options: ProfileCommandOptions, log: (line: string) => void): Promise<void> {
  const profile = await profileFile(input, options);
  try {
    await writeFile(options.out, `${JSON.stringify(profile, null, 2)}\n`, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write the profile (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: options.out }, { cause: error });
  }
  log(`profiled ${profile.rowCount} rows × ${profile.featureOrder.length} columns of ${input} → ${options.out}`);
}
