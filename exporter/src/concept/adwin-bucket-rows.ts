/**
 * ADWIN's exponential histogram: row r holds up to `maxBuckets` (+1 transiently) buckets that each
 * summarise 2^r consecutive values by their total and their variance (sum of squared deviations).
 * Row 0 holds the newest values; inside a row index 0 is the oldest bucket.
 * Layout and merge rule follow scikit-multiflow's `adwin.py` (`List`/`Row`), including its merge
 * variance `variance[1] + n1·n2·(u1 − u2)²/(n1 + n2)` (the older bucket's own variance is dropped).
 * @internal
 */
export class AdwinBucketRows {
  private readonly rows: BucketRow[] = [];

  constructor(private readonly maxBuckets: number) {
    this.rows.push(new BucketRow(maxBuckets));
  }

  /** Index of the oldest (largest-bucket) row. */
  get lastRowIndex(): number {
    return this.rows.length - 1;
  }

  /** Row `index` (0 = newest, single values). */
  row(index: number): BucketRow {
    const row = this.rows[index];
    if (row === undefined) throw new RangeError(`ADWIN bucket row ${index} does not exist`);
    return row;
  }

  /** Appends one value as a new bucket of size 1, then merges full rows upwards. */
  insertValue(value: number): void {
    this.row(0).append(value, 0);
    this.compress();
  }

  /**
   * Removes the oldest bucket of the oldest row (dropping the row when it empties).
   * Returns its size, total and variance.
   */
  removeOldestBucket(): { size: number; total: number; variance: number } {
    const index = this.lastRowIndex;
    const row = this.row(index);
    const removed = { size: 2 ** index, total: row.total(0), variance: row.variance(0) };
    row.dropOldest(1);
    if (row.size === 0 && this.rows.length > 1) this.rows.pop();
    return removed;
  }

  private compress(): void {
    for (let index = 0; index < this.rows.length; index++) {
      const row = this.row(index);
      if (row.size !== this.maxBuckets + 1) return;
      if (index + 1 === this.rows.length) this.rows.push(new BucketRow(this.maxBuckets));
      const bucketSize = 2 ** index;
      const meanDifference = row.total(0) / bucketSize - row.total(1) / bucketSize;
      const mergeVariance = (bucketSize * bucketSize * meanDifference * meanDifference) / (bucketSize + bucketSize);
      this.row(index + 1).append(row.total(0) + row.total(1), row.variance(1) + mergeVariance);
      row.dropOldest(2);
    }
  }
}

/** One row of equally sized buckets, oldest first. @internal */
export class BucketRow {
  private readonly totals: Float64Array;
  private readonly variances: Float64Array;
  private count = 0;

  constructor(maxBuckets: number) {
    this.totals = new Float64Array(maxBuckets + 1);
    this.variances = new Float64Array(maxBuckets + 1);
  }

  get size(): number {
    return this.count;
  }

  total(k: number): number {
    return this.totals[k] ?? 0;
  }

  variance(k: number): number {
    return this.variances[k] ?? 0;
  }

  append(total: number, variance: number): void {
    this.totals[this.count] = total;
    this.variances[this.count] = variance;
    this.count += 1;
  }

  dropOldest(n: number): void {
    this.totals.copyWithin(0, n);
    this.variances.copyWithin(0, n);
    this.totals.fill(0, this.totals.length - n);
    this.variances.fill(0, this.variances.length - n);
    this.count -= n;
  }
}
