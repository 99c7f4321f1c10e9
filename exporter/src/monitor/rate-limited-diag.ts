/**
 * A `diag.warn` that speaks at most once per `intervalMs` per kind of message, and never throws:
 * the hot path may call it for every bad value. The message is built only when it is written.
 * @internal
 */
import { diag } from '@opentelemetry/api';

export class RateLimitedDiag {
  private readonly lastWritten = new Map<string, number>();
  private readonly suppressed = new Map<string, number>();

  constructor(private readonly now: () => number, private readonly intervalMs = 60_000) {}

  /** Warns about `kind` unless it was warned about less than `intervalMs` ago; `message` is called lazily. */
  warn(kind: string, message: () => string): void {
    try {
      const now = this.now();
      const last = this.lastWritten.get(kind);
      if (last !== undefined && now - last < this.intervalMs) {
        this.suppressed.set(kind, (this.suppressed.get(kind) ?? 0) + 1);
        return;
      }
      const skipped = this.suppressed.get(kind) ?? 0;
      this.lastWritten.set(kind, now);
      this.suppressed.set(kind, 0);
      diag.warn(`modelwatch: ${message()}${skipped > 0 ? ` (${skipped} similar messages suppressed)` : ''}`);
    } catch {
      // A broken clock or diag logger must not reach the host.
    }
  }
}
