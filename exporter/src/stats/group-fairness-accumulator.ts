import { compareClassLabels } from './class-labels.js';

/** Counts of one group. */
export interface GroupCounts {
  /** Rows of the group. */
  count: number;
  /** Rows with yTrue = 1. */
  positives: number;
  /** Rows with yTrue = 0. */
  negatives: number;
  /** Rows with yPred = 1. */
  selected: number;
  /** Rows with yTrue = 1 and yPred = 1. */
  truePositives: number;
  /** Rows with yTrue = 0 and yPred = 1. */
  falsePositives: number;
}

/**
 * Streaming per-group counts for group-fairness metrics: fed (truth, prediction, group) one row at
 * a time, keeps six counts per group, mergeable. `groupFairnessFromCounts` turns them into rates
 * and differences; `groupFairness` is the batch form.
 *
 * @example
 * const acc = new GroupFairnessAccumulator().record(1, 1, 'A').record(0, 1, 'B');
 * acc.groups() // ['A', 'B']
 */
export class GroupFairnessAccumulator {
  private readonly countsByGroup = new Map<string, GroupCounts>();

  /**
   * Adds one row: binary truth and prediction (0 or 1) and the row's group name.
   * @throws RangeError unless yTrue and yPred are 0 or 1; TypeError unless group is a string.
   */
  record(yTrue: number, yPred: number, group: string): this {
    if (yTrue !== 0 && yTrue !== 1) throw new RangeError(`yTrue must be 0 or 1, got ${String(yTrue)}`);
    if (yPred !== 0 && yPred !== 1) throw new RangeError(`yPred must be 0 or 1, got ${String(yPred)}`);
    if (typeof group !== 'string') throw new TypeError(`group must be a string, got ${typeof group} ${String(group)}`);
    let counts = this.countsByGroup.get(group);
    if (counts === undefined) {
      counts = { count: 0, positives: 0, negatives: 0, selected: 0, truePositives: 0, falsePositives: 0 };
      this.countsByGroup.set(group, counts);
    }
    counts.count += 1;
    if (yTrue === 1) counts.positives += 1;
    else counts.negatives += 1;
    if (yPred === 1) {
      counts.selected += 1;
      if (yTrue === 1) counts.truePositives += 1;
      else counts.falsePositives += 1;
    }
    return this;
  }

  /** A new accumulator holding both inputs' rows (neither input changes). */
  merge(other: GroupFairnessAccumulator): GroupFairnessAccumulator {
    const merged = new GroupFairnessAccumulator();
    for (const source of [this, other]) {
      for (const [group, counts] of source.countsByGroup) {
        const target = merged.countsByGroup.get(group);
        if (target === undefined) {
          merged.countsByGroup.set(group, { ...counts });
          continue;
        }
        target.count += counts.count;
        target.positives += counts.positives;
        target.negatives += counts.negatives;
        target.selected += counts.selected;
        target.truePositives += counts.truePositives;
        target.falsePositives += counts.falsePositives;
      }
    }
    return merged;
  }

  /** Group names seen so far, sorted as strings (Python / numpy order, by code point). */
  groups(): string[] {
    return [...this.countsByGroup.keys()].sort(compareClassLabels);
  }

  /** A copy of the counts of `group`, or undefined if it has no row. */
  countsOf(group: string): GroupCounts | undefined {
    const counts = this.countsByGroup.get(group);
    return counts === undefined ? undefined : { ...counts };
  }
}
