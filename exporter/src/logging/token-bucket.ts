/**
 * A token bucket bounding how many records per second prediction logging may write, with bursts up
 * to one second's worth. Pure arithmetic on an injectable clock: no timer.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** `perSecond` tokens refill each second, up to `perSecond` held. */
  constructor(private readonly perSecond: number, private readonly now: () => number) {
    this.tokens = perSecond;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the record is to be skipped). */
  take(): boolean {
    const now = this.now();
    const elapsed = now - this.last;
    if (elapsed > 0 && Number.isFinite(elapsed)) {
      this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
      this.last = now;
    } else if (!Number.isFinite(now)) {
      return false;
    } else if (elapsed < 0) {
      this.last = now; // the clock went back: restart from here, without a refill
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
