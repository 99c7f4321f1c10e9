import { chiSquaredSf } from './distributions/chi-squared-sf.js';
import { assertCounts } from './numeric/assert-sample.js';
import { pairwiseSum } from './numeric/pairwise-sum.js';

/** Result of {@link chiSquaredContingency}. */
export interface ChiSquaredContingencyResult {
  /** Pearson's Σ (O - E)²/E over all cells, no continuity correction. */
  statistic: number;
  pValue: number;
  /** (R - 1)(K - 1); 0 for a single column (or row), where statistic = 0 and p = 1. */
  dof: number;
  /** E_ij = rowTotal_i · columnTotal_j / total. */
  expected: number[][];
}

/**
 * Pearson chi-squared test of independence on an R×K table of counts — for drift, a 2×K table
 * with the reference counts in row 0 and the current counts in row 1 (homogeneity of the two
 * category distributions). No Yates correction, even at dof 1.
 *
 * Matches `scipy.stats.chi2_contingency(table, correction=False)` (SciPy 1.10), including dof 0 →
 * (0, 1) and its error when a row or column sums to zero (an expected frequency would be 0).
 *
 * @throws TypeError / RangeError on a ragged, empty, negative or non-finite table, or when an
 *   expected frequency is zero (a category absent from both rows, or an empty row)
 * @example
 * chiSquaredContingency([[80, 20], [60, 40]])
 * // { statistic: 9.523809523809524, pValue: 0.0020282311484520824, dof: 1, expected: [[70, 30], [70, 30]] }
 */
export function chiSquaredContingency(table: ArrayLike<ArrayLike<number>>): ChiSquaredContingencyResult {
  if (!Array.isArray(table) || table.length < 1) {
    throw new TypeError(`table must be a non-empty array of rows, got ${Array.isArray(table) ? 'an empty array' : String(table)}`);
  }
  const rows = table.length;
  const columns = (table[0] as ArrayLike<number> | undefined)?.length ?? 0;
  table.forEach((row: unknown, i: number) => {
    assertCounts(`table[${i}]`, row, 1);
    if ((row as ArrayLike<number>).length !== columns) {
      throw new RangeError(`table must be rectangular: row 0 has ${columns} columns, row ${i} has ${(row as ArrayLike<number>).length}`);
    }
  });
  const cells = table as ArrayLike<ArrayLike<number>>;
  const rowTotals = Array.from({ length: rows }, (_, i) => pairwiseSum(cells[i] as ArrayLike<number>));
  const columnTotals = Array.from({ length: columns }, (_, j) => pairwiseSum(Array.from({ length: rows }, (_, i) => (cells[i] as ArrayLike<number>)[j] as number)));
  const total = pairwiseSum(Array.from(cells, (row) => Array.from(row)).flat());
  const expected = rowTotals.map((rowTotal) => columnTotals.map((columnTotal) => (rowTotal * columnTotal) / total));
  expected.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value === 0) {
        throw new RangeError(`the expected frequency of cell (${i}, ${j}) is zero: row ${i} total ${rowTotals[i]}, column ${j} total ${columnTotals[j]}; drop categories absent from every row`);
      }
    }),
  );
  const dof = rows * columns - rows - columns + 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected };
  const terms: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) terms.push((((cells[i] as ArrayLike<number>)[j] as number) - (expected[i]?.[j] as number)) ** 2 / (expected[i]?.[j] as number));
  }
  const statistic = pairwiseSum(terms);
  return { statistic, pValue: chiSquaredSf(statistic, dof), dof, expected };
}
