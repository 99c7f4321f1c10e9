/**
 * Reading one CSV cell as a typed value.
 */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The value of a CSV cell, inferred per value: an empty cell is missing (`null`); a decimal number
 * (`12`, `-0.5`, `1e-3`) is a number; `true`/`false` (any case) are booleans; anything else stays
 * a string (surrounding spaces kept). Kinds per column are then decided by the profile builder.
 *
 * @example inferCell('3.5') // 3.5
 * @example inferCell('TRUE') // true
 * @example inferCell('') // null
 */
export function inferCell(text: string): string | number | boolean | null {
  if (text === '') return null;
  if (NUMBER.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return text;
}
