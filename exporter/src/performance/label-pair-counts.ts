import { compareClassLabels, type ClassLabel } from '../stats/class-labels.js';
import type { ConfusionMatrix } from '../stats/confusion-matrix-accumulator.js';

/**
 * Sparse (truth, prediction) counts over at most `maxClasses` labels, the storage behind the
 * streaming confusion matrix. Labels are admitted in arrival order until the cap; a pair that would
 * need one more label is refused (`tryAdd` returns false) and the caller counts it as skipped.
 * Memory: at most maxClasses² counts.
 *
 * @internal
 */
export class LabelPairCounts {
  private readonly countsByTruth = new Map<ClassLabel, Map<ClassLabel, number>>();
  private readonly labels = new Set<ClassLabel>();

  constructor(readonly maxClasses: number) {}

  /** Number of distinct labels admitted. */
  get labelCount(): number {
    return this.labels.size;
  }

  /** One admitted label (the first), to check the kind of new labels; undefined when empty. */
  firstLabel(): ClassLabel | undefined {
    return this.labels.values().next().value;
  }

  /** Adds `count` pairs; false (nothing added) when a new label would exceed the cap. */
  tryAdd(truth: ClassLabel, prediction: ClassLabel, count: number): boolean {
    const newLabels = (this.labels.has(truth) ? 0 : 1) + (this.labels.has(prediction) || prediction === truth ? 0 : 1);
    if (this.labels.size + newLabels > this.maxClasses) return false;
    this.labels.add(truth);
    this.labels.add(prediction);
    let row = this.countsByTruth.get(truth);
    if (row === undefined) {
      row = new Map();
      this.countsByTruth.set(truth, row);
    }
    row.set(prediction, (row.get(prediction) ?? 0) + count);
    return true;
  }

  /** Every stored pair as [truth, prediction, count]. */
  entries(): [ClassLabel, ClassLabel, number][] {
    const out: [ClassLabel, ClassLabel, number][] = [];
    for (const [truth, row] of this.countsByTruth) for (const [prediction, count] of row) out.push([truth, prediction, count]);
    return out;
  }

  /** Total pairs counted. */
  total(): number {
    let total = 0;
    for (const row of this.countsByTruth.values()) for (const count of row.values()) total += count;
    return total;
  }

  /** The confusion matrix over the sorted labels (scikit-learn `confusion_matrix(labels=None)`). */
  toConfusionMatrix(): ConfusionMatrix {
    const labels = [...this.labels].sort(compareClassLabels);
    const counts = labels.map((truth) => labels.map((prediction) => this.countsByTruth.get(truth)?.get(prediction) ?? 0));
    return { labels, counts };
  }
}
