/**
 * Streaming the rows of a Parquet file one row group at a time (hyparquet), so memory is bounded by
 * the largest row group, not by the file.
 */
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { InputError } from './input-error.js';

/** A Parquet row: column → value, and its 1-based row number in the file. */
export interface ParquetRow {
  values: Record<string, unknown>;
  row: number;
}

/** Where the reader reports bytes read from disk. */
export type BytesReadListener = (bytesRead: number) => void;

/**
 * An AsyncBuffer over an open file handle that counts the bytes it hands out (for the progress bar).
 */
async function countingFileBuffer(file: string, onBytes: BytesReadListener | undefined): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  let bytesRead = 0;
  const buffer: AsyncBuffer = {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const length = Math.max(0, stop - start);
      const bytes = new Uint8Array(length);
      let offset = 0;
      while (offset < length) {
        const { bytesRead: got } = await handle.read(bytes, offset, length - offset, start + offset);
        if (got === 0) break;
        offset += got;
      }
      bytesRead += offset;
      onBytes?.(bytesRead);
      return bytes.buffer;
    },
  };
  return { buffer, close: () => handle.close() };
}

/** Top-level column names of a Parquet file, in schema order. */
export function parquetColumnNames(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((child) => child.element.name);
}

/** A Parquet value as the CLI reads values: bigint → number, Date → ISO string, the rest as is. */
function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return value;
}

/**
 * Yields the rows of a Parquet file, reading one row group at a time (only `columns`, when given and
 * present in the file). INT64 values become numbers and timestamps ISO strings.
 *
 * @throws InputError naming the file when it is not a readable Parquet file (e.g. an unsupported codec).
 * @example for await (const { values } of parquetRows('day.parquet')) accumulator.addRow(values);
 */
export async function* parquetRows(file: string, options: { columns?: readonly string[]; onBytes?: BytesReadListener } = {}): AsyncGenerator<ParquetRow> {
  const { buffer, close } = await countingFileBuffer(file, options.onBytes);
  try {
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (error) {
      throw new InputError(`not a readable Parquet file (${(error as Error).message})`, { file }, { cause: error });
    }
    const names = parquetColumnNames(metadata);
    const columns = options.columns === undefined ? names : names.filter((name) => options.columns?.includes(name));
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: Record<string, unknown>[];
      try {
        rows = await parquetReadObjects({ file: buffer, metadata, columns, rowStart, rowEnd, rowFormat: 'object' });
      } catch (error) {
        throw new InputError(`cannot read rows ${rowStart + 1}–${rowEnd} (${(error as Error).message})`, { file }, { cause: error });
      }
      for (let index = 0; index < rows.length; index++) {
        const source = rows[index] as Record<string, unknown>;
        const values: Record<string, unknown> = {};
        for (const name of columns) Object.defineProperty(values, name, { value: plainValue(Object.hasOwn(source, name) ? source[name] : undefined), enumerable: true, writable: true, configurable: true });
        yield { values, row: rowStart + index + 1 };
      }
      rowStart = rowEnd;
    }
  } finally {
    await close();
  }
}
