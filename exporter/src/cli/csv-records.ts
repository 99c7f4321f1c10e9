/**
 * A small streaming CSV tokenizer (RFC 4180): comma-separated fields, optional double quotes around a
 * field, `""` for a quote inside a quoted field, commas and line breaks allowed inside quotes, CRLF
 * or LF line ends. Holds one record in memory at a time.
 */
import { InputError } from './input-error.js';

/** One CSV record: its fields, the 1-based line it starts on, and each field's starting column. */
export interface CsvRecord {
  fields: string[];
  line: number;
  columns: number[];
  /** Column just after the record's last character (where a missing field would have started). */
  endColumn: number;
}

/**
 * Yields the records of CSV text arriving in chunks (e.g. a `fs.createReadStream(path, 'utf8')`).
 * Blank lines are skipped. A byte-order mark at the start is dropped.
 *
 * @throws InputError naming `file`, line and column for an unterminated quoted field or a quote
 *   inside an unquoted field.
 * @example for await (const record of csvRecords(createReadStream('a.csv', 'utf8'), 'a.csv')) record.fields
 */
export async function* csvRecords(chunks: AsyncIterable<string | Buffer>, file: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let columns: number[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // current field began with a quote
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let fieldColumn = 1;
  let quoteLine = 1;
  let quoteColumn = 1;
  let pendingQuote = false; // saw a quote inside a quoted field: end of field or first half of ""
  let pendingCr = false;
  let first = true;

  const endField = (): void => {
    fields.push(field);
    columns.push(fieldColumn);
    field = '';
    wasQuoted = false;
  };
  const takeRecord = (): CsvRecord | undefined => {
    const blank = fields.length === 0 && field === '' && !wasQuoted;
    endField();
    const record = { fields, line: recordLine, columns, endColumn: column };
    fields = [];
    columns = [];
    return blank ? undefined : record;
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (pendingCr) {
        pendingCr = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (pendingQuote) {
          pendingQuote = false;
          if (char === '"') {
            field += '"';
            column++;
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle `char` unquoted
        } else if (char === '"') {
          pendingQuote = true;
          column++;
          continue;
        } else {
          field += char;
          if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
            line++;
            column = 1;
          } else column++;
          continue;
        }
      }
      if (char === ',') {
        endField();
        column++;
        fieldColumn = column;
      } else if (char === '\n' || char === '\r') {
        const record = takeRecord();
        if (record !== undefined) yield record;
        pendingCr = char === '\r';
        line++;
        column = 1;
        recordLine = line;
        fieldColumn = 1;
      } else if (char === '"') {
        if (field !== '' || wasQuoted) {
          throw new InputError('a double quote inside an unquoted field (quote the whole field and write "" for a quote)', { file, line, column });
        }
        quoted = true;
        wasQuoted = true;
        quoteLine = line;
        quoteColumn = column;
        column++;
      } else {
        if (wasQuoted) throw new InputError(`unexpected character ${JSON.stringify(char)} after a closing quote (expected a comma or a line end)`, { file, line, column });
        field += char;
        column++;
      }
    }
  }
  if (quoted && !pendingQuote) throw new InputError('unterminated quoted field (a double quote opened here is never closed)', { file, line: quoteLine, column: quoteColumn });
  if (fields.length > 0 || field !== '' || wasQuoted) {
    const record = takeRecord();
    if (record !== undefined) yield record;
  }
}
