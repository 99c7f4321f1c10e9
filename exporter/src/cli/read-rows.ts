/**
 * Streaming the rows of a CSV or JSON Lines file, one at a time, with errors that name the file,
 * line and column.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { csvRecords } from './csv-records.js';
import { inferCell } from './infer-cell.js';
import { InputError } from './input-error.js';

/** A row of an input file and the line it starts on. */
export interface InputRow {
  values: Record<string, unknown>;
  line: number;
}

export type InputFormat = 'csv' | 'jsonl';

/**
 * The format of an input file from its extension: `.csv` is CSV; `.jsonl`, `.ndjson` and `.json`
 * are JSON Lines (one JSON object per line).
 *
 * @throws InputError for any other extension.
 */
export function inputFormatOf(file: string): InputFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') return 'jsonl';
  throw new InputError(`cannot tell the input format from the extension "${extension}"; use .csv, .jsonl or .ndjson`, { file });
}

async function assertReadableFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new InputError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file }, { cause: error });
  }
  if (!info.isFile()) throw new InputError('not a regular file', { file });
}

async function* csvRows(file: string): AsyncGenerator<InputRow> {
  let header: string[] | undefined;
  for await (const record of csvRecords(createReadStream(file, { encoding: 'utf8' }), file)) {
    if (header === undefined) {
      header = record.fields;
      const seen = new Map<string, number>();
      header.forEach((name, index) => {
        const column = record.columns[index] ?? 1;
        if (name.trim() === '') throw new InputError(`header column ${index + 1} has no name`, { file, line: record.line, column });
        const earlier = seen.get(name);
        if (earlier !== undefined) throw new InputError(`header names "${name}" twice (columns ${earlier + 1} and ${index + 1})`, { file, line: record.line, column });
        seen.set(name, index);
      });
      continue;
    }
    if (record.fields.length !== header.length) {
      const column = record.fields.length > header.length ? (record.columns[header.length] ?? record.endColumn) : record.endColumn;
      throw new InputError(`ragged row: ${record.fields.length} fields where the header has ${header.length}`, { file, line: record.line, column });
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, index) => {
      values[name] = inferCell(record.fields[index] ?? '');
    });
    yield { values, line: record.line };
  }
  if (header === undefined) throw new InputError('the file is empty (expected a header row)', { file, line: 1, column: 1 });
}

/** Column (1-based) of a JSON.parse error, when V8's message gives a position. */
function jsonErrorColumn(message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]) + 1;
}

async function* jsonLinesRows(file: string): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const column = jsonErrorColumn(message);
      throw new InputError(`not valid JSON (${message})`, { file, line, ...(column === undefined ? {} : { column }) }, { cause: error });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(`each line must be a JSON object of column → value; got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, { file, line, column: 1 });
    }
    yield { values: value as Record<string, unknown>, line };
  }
}

/**
 * Streams the rows of a CSV or JSON Lines file (format from the extension, see {@link inputFormatOf}).
 * CSV cells are typed per value by `inferCell`; JSON values are kept as they are. Only one row is
 * held at a time. The file must contain at least one data row.
 *
 * @throws InputError naming the file (and line/column where it applies) when the file cannot be
 *   read, is empty, has a bad header, a ragged row, bad quoting or a line that is not a JSON object.
 * @example for await (const { values } of readRows('reference.csv')) builder.add(values);
 */
export async function* readRows(file: string): AsyncGenerator<InputRow> {
  const format = inputFormatOf(file);
  await assertReadableFile(file);
  let count = 0;
  try {
    for await (const row of format === 'csv' ? csvRows(file) : jsonLinesRows(file)) {
      count++;
      yield row;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the file (${(error as Error).message})`, { file }, { cause: error });
  }
  if (count === 0) throw new InputError(format === 'csv' ? 'no data rows after the header' : 'the file is empty (expected one JSON object per line)', { file, line: 1, column: 1 });
}
