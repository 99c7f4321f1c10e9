/**
 * The batch-scoring job, a short-lived process: score a JSON Lines file, record it with
 * `observeBatch`, and flush the metrics before exiting (a periodic export would never come).
 *
 * Run: npm run batch -w examples -- <input.jsonl> [--out scores.jsonl]
 * OTLP goes where the standard variables say (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, …).
 * Exit codes: 0 scored, 2 usage or unreadable input.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createModelMonitor, loadProfile, startModelwatch } from '@modelwatch/otel';
import { loadFraudModel } from '../service/fraud-model.js';
import { REFERENCE_PROFILE_PATH } from '../service/reference-data.js';
import { scoreFile } from './score-file.js';

const USAGE = 'usage: batch <input.jsonl> [--out scores.jsonl]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(input)) {
    console.error(`batch: ${input}: no such file`);
    return 2;
  }
  const model = loadFraudModel();
  const modelwatch = startModelwatch({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'fraud-batch' });
  const monitor = createModelMonitor({ model: { name: model.name, version: model.version }, reference: await loadProfile(REFERENCE_PROFILE_PATH), segments: { attribute: 'region', cap: 10 } });
  const summary = await scoreFile(input, {
    model,
    monitor,
    ...(parsed.values.out === undefined ? {} : { output: parsed.values.out }),
    onSkip: ({ line, reason }) => console.error(`${input}:${line}: skipped: ${reason}`),
  });
  // Flush while the monitor is still registered: shutdown() collects and exports one last time.
  await modelwatch.shutdown();
  monitor.shutdown();
  const failed = modelwatch.failedExports > 0 ? ` (${modelwatch.failedExports} metric export(s) failed, see above)` : '';
  console.log(`scored ${summary.scored} transactions, flagged ${summary.flagged}, skipped ${summary.skipped} line(s); metrics flushed${failed}`);
  return 0;
}

process.exitCode = await main();
