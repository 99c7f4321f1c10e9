/**
 * The `modelwatch` command line: commands, options, and the mapping of outcomes to exit codes
 * (0 nothing failed, 1 drift or a quality check failed, 2 usage or input error).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { CHECK_FORMATS, runCheckCommand, type CheckCommandOptions } from './check-command.js';
import { InputError } from './input-error.js';
import type { ProgressTerminal } from './progress-bar.js';
import { runProfileCommand, type ProfileCommandOptions } from './profile-command.js';

const INPUT_HELP = 'CSV (.csv, header row), JSON Lines (.jsonl, .ndjson) or Parquet (.parquet) file';

/** Where the CLI writes: stdout for results, stderr for messages (and the progress bar when it is a TTY). */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The stderr stream, for the progress bar (drawn only when `isTTY`). */
  stderrTerminal?: ProgressTerminal;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function positiveIntegerArgument(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError(`expected a positive integer; got "${value}"`);
  return number;
}

function finiteNumberArgument(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError(`expected a number; got "${value}"`);
  return number;
}

function columnListArgument(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) throw new InvalidArgumentError(`expected comma-separated column names; got "${value}"`);
  return names;
}

function buildProgram(output: CliOutput, setExitCode: (code: number) => void): Command {
  const program = new Command('modelwatch')
    .description('Profile reference data and check new data against it for drift and data-quality problems.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr })
    .showHelpAfterError('(run modelwatch --help for usage)');

  program
    .command('profile')
    .description('Build a reference profile (JSON) from a CSV, JSON Lines or Parquet file, streaming in two passes.')
    .argument('<input>', INPUT_HELP)
    .requiredOption('--out <profile.json>', 'where to write the profile')
    .option('--target <column>', 'the ground-truth column')
    .option('--prediction <column>', 'the predicted-label column')
    .option('--score <column>', 'the predicted-score column')
    .option('--threshold <t>', 'decision threshold of a binary score: a score >= t is predicted positive (baseline metrics without --prediction, CBPE calibration, monitor); default 0.5', finiteNumberArgument)
    .option('--categorical <columns>', 'comma-separated columns to treat as categorical', columnListArgument)
    .option('--bins <n>', 'quantile bins per numeric column (default 10)', positiveIntegerArgument)
    .option('--importance <file.json>', 'JSON object of column → feature importance (weights >= 0) for the weighted dataset drift share')
    .option('--lenient', 'count values of the wrong type (e.g. text in a numeric column) instead of failing with exit 2')
    .exitOverride()
    .action(async (input: string, options: ProfileCommandOptions) => {
      await runProfileCommand(input, options, (line) => output.stderr(`${line}\n`), output.stderrTerminal);
      setExitCode(EXIT_OK);
    });

  program
    .command('check')
    .description('Compare a CSV, JSON Lines or Parquet file with a reference profile: drift per feature, dataset drift, data quality. Exit 0 = passed, 1 = drift or a quality check failed, 2 = usage or input error.')
    .argument('<input>', INPUT_HELP)
    .requiredOption('--reference <profile.json>', 'the reference profile written by `modelwatch profile`')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('table'))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--lenient', 'count values of the wrong type (e.g. text in a numeric column) as type_error findings (exit 1) instead of an input error (exit 2)')
    .exitOverride()
    .action(async (input: string, options: CheckCommandOptions) => {
      setExitCode(await runCheckCommand(input, options, output.stdout, output.stderrTerminal));
    });

  return program;
}

/**
 * Runs the CLI on `argv` (without the `node` and script entries) and resolves to the exit code.
 * Never throws: usage and input errors are printed to stderr as `modelwatch: <message>` and give 2.
 *
 * @example await runCli(['check', '--reference', 'profile.json', 'today.csv'], output) // 0 or 1
 */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let exitCode: number = EXIT_OK;
  const program = buildProgram(output, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof InputError) {
      output.stderr(`modelwatch: ${error.message}\n`);
      return EXIT_USAGE;
    }
    output.stderr(`modelwatch: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}
