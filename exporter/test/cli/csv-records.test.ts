import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { csvRecords, type CsvRecord } from '../../src/cli/csv-records.js';
import { inferCell } from '../../src/cli/infer-cell.js';

async function parse(chunks: string[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of csvRecords(Readable.from(chunks), 'test.csv')) records.push(record);
  return records;
}

describe('csvRecords (RFC 4180)', () => {
  it('splits fields, unquotes "" and keeps commas and line breaks inside quotes, whatever the chunking', async () => {
    const text = 'a,b,c\r\n1,"x, ""y""",\n2,"multi\nline",z\n';
    const expected = [['a', 'b', 'c'], ['1', 'x, "y"', ''], ['2', 'multi\nline', 'z']];
    expect((await parse([text])).map((r) => r.fields)).toEqual(expected);
    const oneCharChunks = [...text];
    expect((await parse(oneCharChunks)).map((r) => r.fields)).toEqual(expected);
  });

  it('reports the line each record starts on, skipping blank lines, with or without a final newline', async () => {
    const records = await parse(['h\n\n"a\nb"\nlast']);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['h']],
      [3, ['a\nb']],
      [5, ['last']],
    ]);
  });

  it('gives the starting column of each field', async () => {
    const [record] = await parse(['ab,"c",,d']);
    expect(record?.columns).toEqual([1, 4, 8, 9]);
    expect(record?.endColumn).toBe(10);
  });

  it('drops a byte-order mark', async () => {
    expect((await parse(['\uFEFFa,b\n'])).map((r) => r.fields)).toEqual([['a', 'b']]);
  });

  it('names the line and column of an unterminated quote and of a stray quote', async () => {
    await expect(parse(['a,b\n1,"open\n'])).rejects.toThrow('test.csv:2:3: unterminated quoted field');
    await expect(parse(['a,b\n1,x"y\n'])).rejects.toThrow('test.csv:2:4: a double quote inside an unquoted field');
    await expect(parse(['a,b\n1,"x"y\n'])).rejects.toThrow('test.csv:2:6: unexpected character "y" after a closing quote');
  });
});

describe('inferCell', () => {
  it('reads empty as missing, decimal numbers as numbers, true/false as booleans, the rest as text', () => {
    expect(['', '12', '-0.5', '1e-3', '.5', 'TRUE', 'false', ' 7', '0x10', 'Oslo'].map(inferCell)).toEqual([null, 12, -0.5, 0.001, 0.5, true, false, ' 7', '0x10', 'Oslo']);
  });
});
