/**
 * Streams a JSON Lines file of transactions, chunk by chunk, so a file of any size is scored in
 * bounded memory. A line that is not a transaction is reported with its number and skipped.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ModelInput } from '../service/fraud-model.js';

/** One line of the input: what the simulator writes (`id`, `features`, `segment`, …; extra keys are ignored). */
export interface BatchRecord {
  id?: string;
  features: ModelInput;
  segment?: string;
}

/** A line that could not be read as a transaction. */
export interface SkippedLine {
  line: number;
  reason: string;
}

function toRecord(text: string): BatchRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (record.features === null || typeof record.features !== 'object' || Array.isArray(record.features)) return '"features" must be an object';
  return {
    features: record.features as ModelInput,
    ...(typeof record.id === 'string' || typeof record.id === 'number' ? { id: String(record.id) } : {}),
    ...(typeof record.segment === 'string' ? { segment: record.segment } : {}),
  };
}

/**
 * Yields the file's transactions in chunks of at most `chunkSize`; skipped lines go to `onSkip`.
 *
 * @example for await (const chunk of readJsonLines('today.jsonl', 1000, console.warn)) score(chunk);
 */
export async function* readJsonLines(path: string, chunkSize: number, onSkip: (skipped: SkippedLine) => void): AsyncGenerator<BatchRecord[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let chunk: BatchRecord[] = [];
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() === '') continue;
    const record = toRecord(text);
    if (typeof record === 'string') onSkip({ line: number, reason: record });
    else chunk.push(record);
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
