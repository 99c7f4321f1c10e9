/**
 * Class labels as scikit-learn understands them: integers or strings, never a mix of both.
 * Sorting follows Python's `sorted` / `numpy.unique`: numbers numerically, strings by Unicode
 * code point (not by JavaScript's UTF-16 code units, which differ for characters above U+FFFF).
 */

/** A class label: an integer (e.g. 0/1) or a string (e.g. 'cat'). */
export type ClassLabel = number | string;

/**
 * Compares two labels of the same kind: numbers numerically, strings by Unicode code point
 * (Python `str` order). Use as an `Array.prototype.sort` comparator.
 *
 * @example ['b', 'a', 'B'].sort(compareClassLabels) // ['B', 'a', 'b']
 */
export function compareClassLabels(a: ClassLabel, b: ClassLabel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareByCodePoint(a, b);
  throw new TypeError(`cannot order a mix of label types (string and number): ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
}

/** Python's string order (by code point) from UTF-16 code units. */
function compareByCodePoint(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (0xD800–0xDFFF, i.e. code points above U+FFFF) after U+E000–U+FFFF. */
function codePointRank(codeUnit: number): number {
  if (codeUnit >= 0xd800 && codeUnit <= 0xdfff) return codeUnit + 0x2000;
  if (codeUnit >= 0xe000) return codeUnit - 0x800;
  return codeUnit;
}

/**
 * Throws unless `label` is a valid class label: a finite integer or a string. Like scikit-learn's
 * `type_of_target`, non-integer numbers are continuous targets, not classes.
 */
export function assertClassLabel(name: string, label: unknown): asserts label is ClassLabel {
  if (typeof label === 'string') return;
  if (typeof label === 'number' && Number.isInteger(label)) return;
  if (typeof label === 'number') {
    throw new RangeError(`${name} must be an integer or a string class label; got the continuous value ${label}`);
  }
  throw new TypeError(`${name} must be an integer or a string class label; got ${typeof label} ${String(label)}`);
}

/**
 * The sorted union of the labels in all `arrays`, like scikit-learn's `unique_labels(y_true, y_pred)`
 * (the default `labels` of `confusion_matrix` and the averaged precision/recall/F1).
 *
 * @throws TypeError when a value is not an integer or string, or strings and numbers are mixed.
 * @example sortedUniqueLabels([2, 0], [1, 0]) // [0, 1, 2]
 */
export function sortedUniqueLabels(...arrays: ArrayLike<ClassLabel>[]): ClassLabel[] {
  const seen = new Set<ClassLabel>();
  arrays.forEach((values, which) => {
    for (let i = 0; i < values.length; i++) {
      const label = values[i];
      if (seen.has(label as ClassLabel)) continue;
      assertClassLabel(`labels of argument ${which}, element [${i}]`, label);
      seen.add(label);
    }
  });
  const labels = [...seen];
  assertSingleLabelKind(labels);
  return labels.sort(compareClassLabels);
}

/** Throws a TypeError when `labels` mix strings and numbers (scikit-learn raises the same). */
export function assertSingleLabelKind(labels: readonly ClassLabel[]): void {
  const first = labels[0];
  if (first === undefined) return;
  const mixed = labels.find((label) => typeof label !== typeof first);
  if (mixed !== undefined) {
    throw new TypeError(`labels mix strings and numbers (e.g. ${JSON.stringify(first)} and ${JSON.stringify(mixed)}); use one kind`);
  }
}
