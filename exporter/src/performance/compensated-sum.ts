/**
 * A running float64 sum with Neumaier's compensation (an improved Kahan summation): the rounding
 * error of every addition is carried in a second term, so a stream of millions of rows sums as
 * accurately as numpy's pairwise `numpy.sum` (error O(ε) instead of O(n·ε)). Mergeable and
 * JSON-serialisable as `[sum, compensation]`.
 *
 * @example
 * const s = new CompensatedSum();
 * for (let i = 0; i < 10; i++) s.add(0.1);
 * s.value // 1 (a plain loop gives 0.9999999999999999)
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds `x` (no validation: callers pass finite numbers). */
  add(x: number): void {
    const total = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - total + x;
    else this.compensation += x - total + this.sum;
    this.sum = total;
  }

  /** The sum so far. */
  get value(): number {
    return this.sum + this.compensation;
  }

  /** A new sum of both inputs (neither changes). */
  merge(other: CompensatedSum): CompensatedSum {
    const merged = CompensatedSum.fromJSON([this.sum, this.compensation + other.compensation]);
    merged.add(other.sum);
    return merged;
  }

  /** `[sum, compensation]`. */
  toJSON(): [number, number] {
    return [this.sum, this.compensation];
  }

  /** Reads back `toJSON()`; the caller validates the pair. */
  static fromJSON(pair: readonly [number, number]): CompensatedSum {
    const restored = new CompensatedSum();
    restored.sum = pair[0];
    restored.compensation = pair[1];
    return restored;
  }
}
