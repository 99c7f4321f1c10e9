/**
 * `modelwatch profile`: build a reference profile from a CSV, JSON Lines or Parquet file.
 */
import { stat, writeFile } from 'node:fs/promises';
import { readCategory, readNumeric } from '../check/current-values.js';
import { ProfileBuilder } from '../profile/profile-builder.js';
import type { ProfileOptions } from '../profile/profile-options.js';
import type { FeatureProfile, ReferenceProfile } from '../profile/schema.js';
import { assertImportanceColumns, readImportanceFile } from './importance-file.js';
import { InputError } from './input-error.js';
import { createProgress, type ProgressTerminal } from './progress-bar.js';
import { readRows, type InputRow } from './read-rows.js';
import { typeErrorAt } from './type-error.js';

/** Options of the `profile` command, as parsed from the command line. */
export interface ProfileCommandOptions {
  out: string;
  target?: string;
  prediction?: string;
  score?: string;
  /** Decision threshold on the score (binary): a score at or above it is predicted positive. Default 0.5. */
  threshold?: number;
  categorical?: string[];
  bins?: number;
  /** A JSON file of column → importance weight. */
  importance?: string;
  /** Count values of the wrong type (e.g. text in a numeric column) instead of failing with exit 2. */
  lenient?: boolean;
}

/** How a file is profiled. */
export interface ProfileFileOptions extends Omit<ProfileCommandOptions, 'out' | 'importance'> {
  importance?: Readonly<Record<string, number>>;
  /** Where a progress bar may be drawn (only when it is a TTY). */
  terminal?: ProgressTerminal;
}

/** The library options the command-line options stand for. */
export function profileOptionsFrom(options: Omit<ProfileFileOptions, 'terminal' | 'lenient'>): ProfileOptions {
  return {
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.prediction === undefined ? {} : { prediction: options.prediction }),
    ...(options.score === undefined ? {} : { score: options.score }),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.categorical === undefined ? {} : { kinds: { categorical: options.categorical } }),
    ...(options.bins === undefined ? {} : { binCount: options.bins }),
    ...(options.importance === undefined ? {} : { importance: options.importance }),
  };
}

/** True when `value` is of the wrong type for a column of `kind` (what the profile counts as a type error). */
function isTypeError(kind: FeatureProfile['kind'], value: unknown): boolean {
  return (kind === 'numeric' ? readNumeric(value) : readCategory(value, kind)).status === 'type_error';
}

/** Reads every row of `input` into `builder` (calling `inspect` first), with a progress bar for the pass. */
async function pass(input: string, builder: ProfileBuilder, label: string, terminal: ProgressTerminal | undefined, inspect?: (row: InputRow) => void): Promise<void> {
  const size = await stat(input).then((info) => info.size).catch(() => 0);
  const progress = createProgress(terminal, label, size);
  try {
    for await (const row of readRows(input, { onBytes: (bytes) => progress.bytes(bytes) })) {
      inspect?.(row);
      builder.add(row.values);
      progress.row();
    }
  } finally {
    progress.done();
  }
}

/**
 * Profiles `input` in two streaming passes (the first fixes kinds and quantile bin edges, the second
 * counts exactly on them, see `ProfileBuilder.edgesFromFirstPass`) and returns the profile. Memory is
 * bounded by the builder's per-column state, not by the number of rows. Unless `lenient`, a value of
 * the wrong type for its column's kind (e.g. text in a numeric column) is an input error naming it.
 *
 * @throws InputError for a bad file, a bad value (not lenient) or options the profile builder refuses.
 */
export async function profileFile(input: string, options: ProfileFileOptions): Promise<ReferenceProfile> {
  let first: ProfileBuilder;
  try {
    first = new ProfileBuilder(profileOptionsFrom(options));
  } catch (error) {
    throw new InputError((error as Error).message.replace(/^options\./, '--'), {}, { cause: error });
  }
  await pass(input, first, `profile ${input} (pass 1/2)`, options.terminal);
  const second = first.edgesFromFirstPass();
  const suspects = options.lenient === true ? [] : columnsWithTypeErrors(first.finish());
  const onRow =
    suspects.length === 0
      ? undefined
      : (row: InputRow) => {
          for (const [name, kind] of suspects) {
            const value = row.values[name];
            if (isTypeError(kind, value)) throw typeErrorAt(input, row.locate(name), name, kind, value);
          }
        };
  await pass(input, second, `profile ${input} (pass 2/2)`, options.terminal, onRow);
  const profile = second.finish();
  for (const role of ['target', 'prediction', 'score'] as const) {
    const column = options[role];
    if (column !== undefined && !Object.hasOwn(profile.features, column)) {
      throw new InputError(`--${role} names column "${column}", which is not in the file (columns: ${profile.featureOrder.join(', ')})`, { file: input });
    }
  }
  return profile;
}

function columnsWithTypeErrors(profile: ReferenceProfile): Array<[string, FeatureProfile['kind']]> {
  return profile.featureOrder.flatMap((name) => {
    const feature = profile.features[name];
    return feature !== undefined && feature.typeErrorCount > 0 ? [[name, feature.kind] as [string, FeatureProfile['kind']]] : [];
  });
}

/** Runs `modelwatch profile`: writes the profile as JSON to `options.out`. */
export async function runProfileCommand(input: string, options: ProfileCommandOptions, log: (line: string) => void, terminal?: ProgressTerminal): Promise<void> {
  const importance = options.importance === undefined ? undefined : await readImportanceFile(options.importance);
  const { out, importance: importanceFile, ...rest } = options;
  const profile = await profileFile(input, { ...rest, ...(importance === undefined ? {} : { importance }), ...(terminal === undefined ? {} : { terminal }) });
  if (importance !== undefined && importanceFile !== undefined) assertImportanceColumns(importance, profile.featureOrder, importanceFile);
  try {
    await writeFile(out, `${JSON.stringify(profile, null, 2)}\n`, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write the profile (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: out }, { cause: error });
  }
  log(`profiled ${profile.rowCount} rows × ${profile.featureOrder.length} columns of ${input} → ${out}`);
}
