#!/usr/bin/env node
/**
 * Entry point of the `modelwatch` bin: runs the CLI on the process arguments and exits with its code.
 */
import { runCli } from './program.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrTerminal: process.stderr,
});
process.exitCode = exitCode;
