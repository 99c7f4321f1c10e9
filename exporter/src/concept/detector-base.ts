import type { DetectorInput, DetectorState, DriftDetector } from './types.js';

/**
 * Shared plumbing of the detectors: input filtering, counters and the flag read-out.
 * A subclass implements `accept` (one usable value: the reference's `add_element` plus its
 * change test) and `clear` (its own fresh state), and reports through `inDrift` / `inWarning`.
 * @internal
 */
export abstract class DetectorBase<S extends DetectorState> implements DriftDetector<S> {
  abstract readonly name: string;
  abstract readonly input: DetectorInput;
  abstract readonly state: S;

  /** Set by the subclass when the last accepted value signalled a drift. */
  protected inDrift = false;
  /** Set by the subclass when the last accepted value is in the warning zone. */
  protected inWarning = false;

  private lastWasAccepted = true;
  private ignored = 0;
  private accepted = 0;
  private drifts = 0;

  get driftDetected(): boolean {
    return this.lastWasAccepted && this.inDrift;
  }

  get warningDetected(): boolean {
    return this.lastWasAccepted && this.inWarning;
  }

  get ignoredCount(): number {
    return this.ignored;
  }

  get acceptedCount(): number {
    return this.accepted;
  }

  get driftCount(): number {
    return this.drifts;
  }

  update(x: number): this {
    if (!this.isUsable(x)) {
      this.ignored += 1;
      this.lastWasAccepted = false;
      return this;
    }
    this.lastWasAccepted = true;
    this.accepted += 1;
    this.accept(x);
    if (this.inDrift) this.drifts += 1;
    return this;
  }

  reset(): this {
    this.inDrift = false;
    this.inWarning = false;
    this.lastWasAccepted = true;
    this.ignored = 0;
    this.accepted = 0;
    this.drifts = 0;
    this.clear();
    return this;
  }

  /** Whether `x` can be fed to the detector: finite, and within [0, 1] for error-rate detectors. */
  protected isUsable(x: unknown): x is number {
    if (typeof x !== 'number' || !Number.isFinite(x)) return false;
    return this.input === 'numeric' || (x >= 0 && x <= 1);
  }

  /** Processes one usable value and sets `inDrift` / `inWarning`. */
  protected abstract accept(x: number): void;

  /** Restores the detector-specific state of a fresh instance (flags and counters are done here). */
  protected abstract clear(): void;
}
