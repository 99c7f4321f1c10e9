/**
 * Streaming the rows of a CSV, JSON Lines or Parquet file, one at a time, with errors that name the
 * file, line and column.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { csvRecords } from './csv-records.js';
import { inferCell } from './infer-cell.js';
import { InputError } from './input-error.js';
import { parquetRows, type BytesReadListener } from './parquet-rows.js';

/** Where a value sits in the input: 1-based line (the row number for Parquet) and column. */
export interface CellLocation {
  line: number;
  column: number;
}

/** A row of an input file, the line it starts on, and where each named value sits. */
export interface InputRow {
  values: Record<string, unknown>;
  line: number;
  /** The location of the value of column `name` (for error messages; only called on errors). */
  locate(name: string): CellLocation;
}

/** Options of {@link readRows}. */
export interface ReadRowsOptions {
  /** Columns the caller needs (Parquet reads only these; the text formats still parse every field). */
  columns?: readonly string[];
  /** Called with the bytes read from disk so far, once per chunk (for the progress bar). */
  onBytes?: BytesReadListener;
}

export type InputFormat = 'csv' | 'jsonl' | 'parquet';

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
  if (extension === '.parquet' || extension === '.pq') return 'parquet';
  throw new InputError(`cannot tell the input format from the extension "${extension}"; use .csv, .jsonl, .ndjson or .parquet`, { file });
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

/** The chunks of a file stream, reporting the bytes read after each. */
async function* countedChunks(stream: Readable & { bytesRead: number }, onBytes: BytesReadListener | undefined): AsyncGenerator<string | Buffer> {
  for await (const chunk of stream) {
    onBytes?.(stream.bytesRead);
    yield chunk as string | Buffer;
  }
}

async function* csvRows(file: string, onBytes: BytesReadListener | undefined): AsyncGenerator<InputRow> {
  let header: string[] | undefined;
  let headerIndex = new Map<string, number>();
  for await (const record of csvRecords(countedChunks(createReadStream(file, { encoding: 'utf8' }), onBytes), file)) {
    if (header === undefined) {
      header = record.fields;
      const seen = new Map<string, number>();
      header.forEach((name, index) => {
        const column = record.columns[index] ?? 1;
        if (name.trim() === '') throw new InputError(`header column ${index + 1} has no name`, { file, line: record.line, column });
        if (name === '__proto__') throw new InputError(`header column ${index + 1} is named "__proto__", which cannot be a column name; rename it`, { file, line: record.line, column });
        const earlier = seen.get(name);
        if (earlier !== undefined) throw new InputError(`header names "${name}" twice (columns ${earlier + 1} and ${index + 1})`, { file, line: record.line, column });
        seen.set(name, index);
      });
      headerIndex = seen;
      continue;
    }
    if (record.fields.length !== header.length) {
      const column = record.fields.length > header.length ? (record.columns[header.length] ?? record.endColumn) : record.endColumn;
      throw new InputError(`ragged row: ${record.fields.length} fields where the header has ${header.length}`, { file, line: record.line, column });
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, index) => {
      // defineProperty: a column named `__proto__` is data, not the object's prototype
      Object.defineProperty(values, name, { value: inferCell(record.fields[index] ?? ''), enumerable: true, writable: true, configurable: true });
    });
    const columnsOfFields = record.columns;
    const recordLine = record.line;
    yield {
      values,
      line: recordLine,
      locate: (name) => ({ line: recordLine, column: columnsOfFields[headerIndex.get(name) ?? 0] ?? 1 }),
    };
  }
  if (header === undefined) throw new InputError('the file is empty (expected a header row)', { file, line: 1, column: 1 });
}

/** Column (1-based) of a JSON.parse error, when V8's message gives a position. */
function jsonErrorColumn(message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]) + 1;
}

/** 1-based column of the value of key `name` in a JSON object's text (1 when it cannot be found). */
function jsonValueColumn(text: string, name: string): number {
  const key = JSON.stringify(name);
  const at = text.indexOf(key);
  if (at < 0) return 1;
  const match = /^\s*:\s*/.exec(text.slice(at + key.length));
  return at + key.length + (match?.[0].length ?? 0) + 1;
}

async function* jsonLinesRows(file: string, onBytes: BytesReadListener | undefined): AsyncGenerator<InputRow> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  if (onBytes !== undefined) stream.on('data', () => onBytes(stream.bytesRead));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
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
    const lineNumber = line;
    yield { values: value as Record<string, unknown>, line: lineNumber, locate: (name) => ({ line: lineNumber, column: jsonValueColumn(text, name) }) };
  }
}

async function* parquetInputRows(file: string, options: ReadRowsOptions): AsyncGenerator<InputRow> {
  let columnIndex: Map<string, number> | undefined;
  for await (const { values, row } of parquetRows(file, options)) {
    columnIndex ??= new Map(Object.keys(values).map((name, index) => [name, index + 1]));
    const index = columnIndex;
    yield { values, line: row, locate: (name) => ({ line: row, column: index.get(name) ?? 1 }) };
  }
}

function rowsOf(format: InputFormat, file: string, options: ReadRowsOptions): AsyncGenerator<InputRow> {
  if (format === 'csv') return csvRows(file, options.onBytes);
  if (format === 'jsonl') return jsonLinesRows(file, options.onBytes);
  return parquetInputRows(file, options);
}

/**
 * Streams the rows of a CSV, JSON Lines or Parquet file (format from the extension, see {@link inputFormatOf}).
 * CSV cells are typed per value by `inferCell`; JSON values are kept as they are. Only one row is
 * held at a time. The file must contain at least one data row.
 *
 * @throws InputError naming the file (and line/column where it applies) when the file cannot be
 *   read, is empty, has a bad header, a ragged row, bad quoting or a line that is not a JSON object.
 * @example for await (const { values } of readRows('reference.csv')) builder.add(values);
 */
export async function* readRows(file: string, options: ReadRowsOptions = {}): AsyncGenerator<InputRow> {
  const format = inputFormatOf(file);
  await assertReadableFile(file);
  let count = 0;
  try {
    for await (const row of rowsOf(format, file, options)) {
      count++;
      yield row;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the file (${(error as Error).message})`, { file }, { cause: error });
  }
  if (count === 0) throw new InputError(emptyFileMessage(format), { file, line: 1, column: 1 });
}

function emptyFileMessage(format: InputFormat): string {
  if (format === 'csv') return 'no data rows after the header';
  if (format === 'jsonl') return 'the file is empty (expected one JSON object per line)';
  return 'the Parquet file has no rows';
}
