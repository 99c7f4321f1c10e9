/** The orphan guard: a daemon dies with its group, and also when its parent closes the guard's pipe. */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { jest } from '@jest/globals';
import { groupAlive, signalGroup, spawnGuarded } from './guarded-spawn.js';

jest.setTimeout(20_000);

/** Pids of the processes in a process group, read from ps. */
function groupMembers(pgid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid ?? 0);
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

test('the wrapper leads a new process group and exits with the daemon status', async () => {
  const child = spawnGuarded('/bin/sh', ['-c', 'echo started >&2; exit 7'], '/');
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(7);
  expect(stderr.join('')).toContain('started');
});

test('closing the guard pipe (what the parent dying does) kills the whole group', async () => {
  const child = spawnGuarded('sleep', ['300'], '/');
  const pid = child.pid ?? 0;
  await waitUntil(() => groupMembers(pid).length >= 3, 'wrapper, watcher and sleep run');
  expect(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim()).toBe(String(pid));
  const exited = once(child, 'exit');
  child.stdin?.end();
  const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  expect(signal).toBe('SIGKILL');
  await waitUntil(() => !groupAlive(pid), 'the group is gone');
  expect(groupMembers(pid)).toEqual([]);
});

test('SIGTERM to the group ends the daemon and the wrapper reports after the daemon has exited', async () => {
  const child = spawnGuarded('sleep', ['300'], '/');
  const pid = child.pid ?? 0;
  await waitUntil(() => groupMembers(pid).length >= 3, 'wrapper, watcher and sleep run');
  const exited = once(child, 'exit');
  signalGroup(pid, 'SIGTERM');
  const [code] = (await exited) as [number | null];
  expect(code).toBe(128 + 15);
  await waitUntil(() => !groupAlive(pid), 'the group is gone');
  child.stdin?.end();
});
