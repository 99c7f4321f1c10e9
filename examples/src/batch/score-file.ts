/**
 * The batch-scoring job's work: score every transaction of a JSON Lines file with the fraud model,
 * record each chunk with one `observeBatch` call, and optionally write the scores as JSON Lines.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ModelMonitor } from '@modelwatch/otel';
import { predict, type FraudModel } from '../service/fraud-model.js';
import { readJsonLines, type SkippedLine } from './read-json-lines.js';

export interface ScoreFileOptions {
  model: FraudModel;
  monitor: ModelMonitor;
  /** Where to write `{ id, score, prediction }` lines (default: nowhere). */
  output?: string;
  /** Rows per `observeBatch` call (default 1000). */
  chunkSize?: number;
  onSkip?: (skipped: SkippedLine) => void;
}

export interface BatchSummary {
  scored: number;
  flagged: number;
  skipped: number;
}

/**
 * Scores `input` and records the chunks into the monitor.
 *
 * @example const summary = await scoreFile('today.jsonl', { model, monitor }); // { scored: 5000, flagged: 612, skipped: 0 }
 */
export async function scoreFile(input: string, options: ScoreFileOptions): Promise<BatchSummary> {
  const { model, monitor } = options;
  const featureNames = [...model.numeric, ...model.categorical].map((feature) => feature.name);
  const output = options.output === undefined ? undefined : createWriteStream(options.output, { encoding: 'utf8' });
  const summary: BatchSummary = { scored: 0, flagged: 0, skipped: 0 };
  const onSkip = (skipped: SkippedLine): void => {
    summary.skipped++;
    options.onSkip?.(skipped);
  };
  for await (const chunk of readJsonLines(input, options.chunkSize ?? 1000, onSkip)) {
    const columns: Record<string, unknown[]> = Object.fromEntries(featureNames.map((name) => [name, chunk.map((record) => record.features[name])]));
    const ids = chunk.map((record, i) => record.id ?? `${input}:${summary.scored + i}`);
    const results = chunk.map((record) => predict(model, record.features));
    columns.prediction = results.map((result) => result.prediction);
    columns.score = results.map((result) => result.score);
    columns.segment = chunk.map((record) => record.segment);
    columns.id = ids;
    monitor.observeBatch(columns);
    summary.scored += chunk.length;
    summary.flagged += results.filter((result) => result.prediction === 1).length;
    if (output !== undefined) {
      const text = results.map((result, i) => JSON.stringify({ id: ids[i], ...result })).join('\n') + '\n';
      if (!output.write(text)) await once(output, 'drain');
    }
  }
  if (output !== undefined) {
    output.end();
    await once(output, 'finish');
  }
  return summary;
}
