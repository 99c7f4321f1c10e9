/**
 * Command-line options of the live demo (`npm run demo -- --duration 90 --no-stack`).
 */
import { parseArgs } from 'node:util';

export interface DemoOptions {
  /** Total traffic time in seconds (default 150): stationary, then a sudden drift, then a data-quality fault. */
  durationSeconds: number;
  /** Start the local vmagent → Prometheus → Alertmanager stack (default true; `--no-stack` runs in-process only). */
  stack: boolean;
  /** Predictions per second sent to the example service (default 80). */
  rate: number;
  /** Where the HTML drift report is written (default a temporary folder). */
  reportPath: string | undefined;
}

export const DEMO_USAGE = `usage: npm run demo -- [--duration <seconds>] [--rate <predictions/s>] [--no-stack] [--report <file.html>]`;

function positiveNumber(text: string | undefined, flag: string, fallback: number, minimum: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < minimum) throw new RangeError(`${flag} must be a number >= ${minimum}; got ${JSON.stringify(text)}\n${DEMO_USAGE}`);
  return value;
}

/**
 * Parses the demo's arguments; throws a RangeError naming the flag on a bad value.
 *
 * @example parseDemoOptions(['--duration', '60', '--no-stack']) // { durationSeconds: 60, stack: false, rate: 80, reportPath: undefined }
 */
export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      rate: { type: 'string' },
      'no-stack': { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) throw new RangeError(DEMO_USAGE);
  return {
    durationSeconds: positiveNumber(values.duration, '--duration', 150, 20),
    stack: values['no-stack'] !== true,
    rate: positiveNumber(values.rate, '--rate', 80, 5),
    reportPath: values.report,
  };
}
