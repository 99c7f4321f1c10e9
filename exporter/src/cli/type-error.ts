/**
 * The input error for a value of the wrong type (e.g. text in a numeric column), unless `--lenient`.
 */
import type { FeatureProfile } from '../profile/schema.js';
import { InputError } from './input-error.js';
import type { CellLocation } from './read-rows.js';

const SHOWN_VALUE_LENGTH = 40;

/** A short, printable rendering of a bad value (JSON, cut at 40 characters). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}…` : text;
}

const EXPECTED: Readonly<Record<FeatureProfile['kind'], string>> = {
  numeric: 'a number',
  categorical: 'a text, number or boolean value',
  boolean: 'true or false',
};

/**
 * `file:line:column: value "forty" in numeric column "age" is not a number; …`
 *
 * @example throw typeErrorAt('day.csv', { line: 3, column: 1 }, 'age', 'numeric', 'forty')
 */
export function typeErrorAt(file: string, where: CellLocation, column: string, kind: FeatureProfile['kind'], value: unknown): InputError {
  return new InputError(
    `value ${describeValue(value)} in ${kind} column "${column}" is not ${EXPECTED[kind]}; fix the data, or pass --lenient to count such values as type_error quality findings`,
    { file, line: where.line, column: where.column },
  );
}
