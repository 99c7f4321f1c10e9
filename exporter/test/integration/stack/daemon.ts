import { findFreePort } from './free-port.js';
import { groupAlive, signalGroup, spawnGuarded } from './guarded-spawn.js';
import { LogTail } from './log-tail.js';
import { waitUntilReady } from './wait-until-ready.js';

/** How to start one daemon on a port chosen at run time. */
export interface DaemonSpec {
  /** Short name used in messages, e.g. `prometheus`. */
  readonly name: string;
  /** Absolute path of the executable. */
  readonly binary: string;
  /** Command-line arguments for a given listen port. */
  readonly args: (port: number) => readonly string[];
  /** Path answering 200 when the daemon is ready, e.g. `/-/ready`. */
  readonly readyPath: string;
  /** Working directory (the daemon's temporary directory). */
  readonly cwd: string;
  /** Limit for the daemon to become ready, in milliseconds. */
  readonly startTimeoutMs: number;
}

/** A running daemon. */
export interface Daemon {
  readonly name: string;
  /** Process-group id (the orphan guard's pid). */
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The last lines the daemon wrote to stdout/stderr. */
  logTail(): string[];
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the group is gone (at most 3 s after the kill). Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const PORT_ATTEMPTS = 3;
const GROUP_EXIT_WAIT_MS = 3_000;
const PORT_CLASH = /address already in use/i;

/** Error thrown when a daemon cannot be started; the message carries the daemon's last log lines. */
export class DaemonStartError extends Error {
  constructor(
    readonly daemon: string,
    readonly reason: string,
    readonly log: readonly string[],
  ) {
    super(`${daemon} failed to start: ${reason}\n--- last lines of ${daemon}'s output ---\n${log.join('\n')}`);
    this.name = 'DaemonStartError';
  }
}

/**
 * Starts a daemon on a free 127.0.0.1 port, in its own process group behind the orphan guard, and
 * waits for its readiness URL. Retries with another port if the chosen one was taken meanwhile.
 * @throws {DaemonStartError} when it exits early or is not ready in time (after killing it).
 */
export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    try {
      return await startOnPort(spec, port);
    } catch (error) {
      const clash = error instanceof DaemonStartError && error.log.some((line) => PORT_CLASH.test(line));
      if (!clash || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startOnPort(spec: DaemonSpec, port: number): Promise<Daemon> {
  const child = spawnGuarded(spec.binary, spec.args(port), spec.cwd);
  const tail = new LogTail();
  child.stdout?.on('data', (chunk: Buffer) => tail.append(chunk));
  child.stderr?.on('data', (chunk: Buffer) => tail.append(chunk));
  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = signal === null ? `exited with code ${String(code)}` : `killed by ${signal}`;
      resolve();
    });
    child.once('error', (error) => {
      exitReason = `could not be spawned: ${error.message}`;
      resolve();
    });
  });
  // 'close' comes after 'exit' once the daemon's stdout/stderr are drained into the tail
  const drained = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  const pid = child.pid;
  const url = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;

  const stop = (graceMs = 5_000): Promise<void> => {
    stopping ??= (async () => {
      if (pid !== undefined) {
        if (exitReason === undefined) {
          signalGroup(pid, 'SIGTERM');
          const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        signalGroup(pid, 'SIGKILL');
        // bounded: after a SIGKILL, orphaned zombies linger until init reaps them, which some containers never do
        const deadline = Date.now() + GROUP_EXIT_WAIT_MS;
        while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.stdin?.destroy();
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  const outcome = await waitUntilReady({
    url: url + spec.readyPath,
    timeoutMs: spec.startTimeoutMs,
    exited: () => exitReason,
  });
  if (!outcome.ready || pid === undefined) {
    await stop(1_000);
    throw new DaemonStartError(spec.name, outcome.ready ? 'no process id' : outcome.reason, tail.snapshot());
  }
  return { name: spec.name, pid, port, url, logTail: () => tail.snapshot(), stop };
}
