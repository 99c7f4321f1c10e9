import { assertClassLabel, assertSingleLabelKind, compareClassLabels, type ClassLabel } from './class-labels.js';

/** A confusion matrix with its label order: `counts[i][j]` = rows with truth `labels[i]` predicted as `labels[j]`. */
export interface ConfusionMatrix {
  readonly labels: ClassLabel[];
  /** Rows = true class, columns = predicted class, in `labels` order. */
  readonly counts: number[][];
}

/**
 * Streaming confusion matrix: fed one (truth, prediction) pair at a time, keeps only counts,
 * mergeable across replicas or time slices. Every classification metric except ROC AUC and log
 * loss (which need the scores) can be read from it.
 *
 * Two modes, as scikit-learn's `confusion_matrix(y_true, y_pred, labels=...)`:
 * - with `labels`: a fixed label set and order; a pair whose truth or prediction is not in it is
 *   not counted (see `ignored`);
 * - without: labels are added as they are seen and reported in sorted order (numbers
 *   numerically, strings by code point), i.e. `labels=None`.
 *
 * @example
 * const acc = new ConfusionMatrixAccumulator([0, 1]);
 * acc.record(1, 1).record(0, 1);
 * acc.toConfusionMatrix() // { labels: [0, 1], counts: [[0, 1], [0, 1]] }
 */
export class ConfusionMatrixAccumulator {
  private readonly indexByLabel = new Map<ClassLabel, number>();
  /** Labels in first-seen (or given) order; `counts` is indexed the same way. */
  private readonly seenLabels: ClassLabel[] = [];
  private readonly counts: number[][] = [];
  private readonly fixedLabels: boolean;
  private ignoredPairs = 0;

  /**
   * @param labels fixed label set and order (scikit-learn `labels`); omit to grow as labels appear.
   * @throws RangeError if `labels` is empty or repeats a label; TypeError if a label is not an integer or string or kinds are mixed.
   */
  constructor(labels?: readonly ClassLabel[]) {
    this.fixedLabels = labels !== undefined;
    if (labels === undefined) return;
    if (!Array.isArray(labels)) throw new TypeError(`labels must be an array of class labels, got ${typeof labels}`);
    if (labels.length === 0) throw new RangeError('labels must contain at least one label');
    labels.forEach((label, i) => {
      assertClassLabel(`labels[${i}]`, label);
      if (this.indexByLabel.has(label)) throw new RangeError(`labels must be distinct; ${JSON.stringify(label)} appears twice`);
      this.addLabel(label);
    });
    assertSingleLabelKind(labels);
  }

  /** Whether the label set was fixed at construction. */
  get hasFixedLabels(): boolean {
    return this.fixedLabels;
  }

  /** Number of pairs counted in the matrix. */
  get total(): number {
    let total = 0;
    for (const row of this.counts) for (const count of row) total += count;
    return total;
  }

  /** Number of pairs left out because their truth or prediction is outside the fixed labels. */
  get ignored(): number {
    return this.ignoredPairs;
  }

  /**
   * Counts one row. With fixed labels, a pair outside them is ignored (counted in `ignored`).
   * @throws TypeError/RangeError on a label that is not an integer or string, or of the other kind than the labels so far.
   */
  record(yTrue: ClassLabel, yPred: ClassLabel): this {
    return this.recordMany(yTrue, yPred, 1);
  }

  /** Merges two accumulators into a new one (label union; neither input changes). */
  merge(other: ConfusionMatrixAccumulator): ConfusionMatrixAccumulator {
    const merged = this.fixedLabels ? new ConfusionMatrixAccumulator(this.seenLabels) : new ConfusionMatrixAccumulator();
    for (const source of [this, other]) {
      source.seenLabels.forEach((truth, i) => {
        source.seenLabels.forEach((prediction, j) => {
          const count = source.counts[i]?.[j] ?? 0;
          if (count > 0) merged.recordMany(truth, prediction, count);
        });
      });
      merged.ignoredPairs += source.ignoredPairs;
    }
    return merged;
  }

  /** The counts so far: in the fixed label order, or sorted labels (scikit-learn `labels=None`). */
  toConfusionMatrix(): ConfusionMatrix {
    const order = this.seenLabels.map((_, index) => index);
    if (!this.fixedLabels) order.sort((a, b) => compareClassLabels(this.seenLabels[a] as ClassLabel, this.seenLabels[b] as ClassLabel));
    return {
      labels: order.map((index) => this.seenLabels[index] as ClassLabel),
      counts: order.map((row) => order.map((column) => this.counts[row]?.[column] ?? 0)),
    };
  }

  private recordMany(yTrue: ClassLabel, yPred: ClassLabel, count: number): this {
    const row = this.indexOf('yTrue', yTrue);
    const column = this.indexOf('yPred', yPred);
    if (row === undefined || column === undefined) {
      this.ignoredPairs += count;
      return this;
    }
    const counts = this.counts[row] as number[];
    counts[column] = (counts[column] as number) + count;
    return this;
  }

  private indexOf(name: string, label: ClassLabel): number | undefined {
    const known = this.indexByLabel.get(label);
    if (known !== undefined) return known;
    assertClassLabel(name, label);
    const first = this.seenLabels[0];
    if (first !== undefined && typeof first !== typeof label) {
      throw new TypeError(`${name} ${JSON.stringify(label)} is a ${typeof label} but the labels so far are ${typeof first}s; use one kind`);
    }
    if (this.fixedLabels) return undefined;
    return this.addLabel(label);
  }

  private addLabel(label: ClassLabel): number {
    const index = this.seenLabels.length;
    this.seenLabels.push(label);
    this.indexByLabel.set(label, index);
    for (const row of this.counts) row.push(0);
    this.counts.push(new Array<number>(index + 1).fill(0));
    return index;
  }
}
