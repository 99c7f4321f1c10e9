import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Shell wrapper run as the leader of a new process group:
 * - the daemon runs in the background with stdin from /dev/null;
 * - a watcher reads the wrapper's stdin (a pipe held only by the Node parent): when the parent dies,
 *   however it dies (exit, crash, SIGKILL of a Jest worker), the pipe hits EOF and the watcher kills
 *   the whole group, so no daemon outlives its test process;
 * - on SIGTERM the wrapper forwards nothing (the group signal reached the daemon too) and waits for
 *   the daemon, so the wrapper's exit means the daemon has exited;
 * - the wrapper exits with the daemon's status, so a daemon that fails to start is seen at once, and
 *   it reaps the watcher first, so a clean stop leaves no zombie for an init that may never reap it.
 */
const WRAPPER = `
exec 3<&0
"$@" </dev/null 3<&- &
daemon=$!
( while read -r _line; do :; done; kill -KILL 0 ) <&3 &
watcher=$!
exec 3<&-
finish() { kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null; exit "$1"; }
trap 'wait "$daemon"; finish $?' TERM INT
wait "$daemon"
finish $?
`;

/**
 * Starts `binary args…` in its own process group behind the orphan guard above.
 * The returned child is the wrapper: its pid is the process-group id, its stdout/stderr are the
 * daemon's, and closing its stdin (or the parent dying) kills the group.
 */
export function spawnGuarded(binary: string, args: readonly string[], cwd: string): ChildProcess {
  return spawn('/bin/sh', ['-c', WRAPPER, 'modelwatch-orphan-guard', binary, ...args], {
    cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Sends `signal` to every process of the group led by `pid`; a group already gone is not an error. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** True while any process of the group led by `pid` exists (zombies not yet reaped included). */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
