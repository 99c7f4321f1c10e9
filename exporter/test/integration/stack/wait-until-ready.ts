/** What `waitUntilReady` needs to know about the daemon it is waiting for. */
export interface ReadinessProbe {
  /** URL answering 200 once the daemon serves, e.g. `http://127.0.0.1:9090/-/ready`. */
  readonly url: string;
  /** Overall limit in milliseconds. */
  readonly timeoutMs: number;
  /** Returns a reason when the daemon has already exited (so waiting stops at once), else undefined. */
  readonly exited: () => string | undefined;
}

/** Outcome of a readiness wait: ready, or why not. */
export type ReadinessOutcome = { readonly ready: true } | { readonly ready: false; readonly reason: string };

const POLL_INTERVAL_MS = 100;
const REQUEST_TIMEOUT_MS = 1_000;

/** Polls `probe.url` until it answers HTTP 200, the daemon exits, or the time runs out. */
export async function waitUntilReady(probe: ReadinessProbe): Promise<ReadinessOutcome> {
  const deadline = Date.now() + probe.timeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    const exitReason = probe.exited();
    if (exitReason !== undefined) return { ready: false, reason: exitReason };
    try {
      const response = await fetch(probe.url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      if (response.status === 200) return { ready: true };
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      return { ready: false, reason: `not ready after ${probe.timeoutMs} ms (${probe.url}: ${lastProblem})` };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
