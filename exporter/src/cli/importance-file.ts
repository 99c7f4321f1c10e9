/**
 * Reading and validating `--importance <file.json>`: a JSON object of column name → weight.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from './input-error.js';

/**
 * Parses an importance document: an object whose values are finite numbers ≥ 0 (any scale; the
 * weighted dataset drift share divides by their sum).
 *
 * @throws InputError naming the file and every bad entry.
 * @example parseImportance('{"age": 0.7, "city": 0.3}', 'importance.json') // { age: 0.7, city: 0.3 }
 */
export function parseImportance(text: string, file: string): Record<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`expected a JSON object of column → weight, e.g. {"age": 0.7, "city": 0.3}; got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, { file });
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) throw new InputError('lists no column; expected e.g. {"age": 0.7, "city": 0.3}', { file });
  const bad = entries.filter(([, weight]) => typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0);
  if (bad.length > 0) {
    throw new InputError(`weights must be finite numbers >= 0; got ${bad.map(([name, weight]) => `${JSON.stringify(name)}: ${JSON.stringify(weight)}`).join(', ')}`, { file });
  }
  return Object.fromEntries(entries) as Record<string, number>;
}

/** Reads and parses an importance file ({@link parseImportance}). */
export async function readImportanceFile(file: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the importance file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file }, { cause: error });
  }
  return parseImportance(text, file);
}

/**
 * @throws InputError naming every importance column the profile does not have (and the columns it has).
 */
export function assertImportanceColumns(importance: Readonly<Record<string, number>>, columns: readonly string[], file: string): void {
  const unknown = Object.keys(importance).filter((name) => !columns.includes(name));
  if (unknown.length > 0) {
    throw new InputError(`names ${unknown.length === 1 ? 'a column' : 'columns'} not in the data: ${unknown.map((name) => JSON.stringify(name)).join(', ')} (columns: ${columns.join(', ')})`, { file });
  }
}
