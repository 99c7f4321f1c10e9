/**
 * One replica of the live fleet test (alert-rules/test/fleet-live.test.ts), run as its own process with the
 * built library (`@modelwatch/otel` → exporter/dist). Reads a JSON job from argv[2]:
 * `{ otlpUrl, instance, model, profilePath, rowsPath }`. Pushes exactly four OTLP exports: one before any
 * observation (every counter at 0), two after observing its rows, and the final one of `shutdown()`, so
 * every replica's counters have the same number of samples. Prints its own in-process PSI per feature as
 * one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';
import { createModelMonitor, loadProfile, startModelwatch } from '@modelwatch/otel';

const job = JSON.parse(process.argv[2] ?? '{}');
const pause = () => new Promise((resolve) => setTimeout(resolve, 150));

const handle = startModelwatch({
  url: job.otlpUrl,
  serviceName: 'fleet-replica',
  resourceAttributes: { 'service.instance.id': job.instance },
  exportIntervalMillis: 3_600_000,
  setGlobal: false,
});
const reference = await loadProfile(job.profilePath);
const rows = JSON.parse(readFileSync(job.rowsPath, 'utf8'));
const features = Object.fromEntries(Object.keys(rows).map((name) => [name, { method: 'psi' }]));
const monitor = createModelMonitor({ model: job.model, reference, meterProvider: handle.meterProvider, features });

await handle.forceFlush();
await pause();
monitor.observeBatch(rows);
await handle.forceFlush();
await pause();
await handle.forceFlush();
await pause();
const psi = Object.fromEntries(monitor.snapshot().features.map((feature) => [feature.name, feature.drift?.score ?? null]));
await handle.shutdown();
process.stdout.write(`${JSON.stringify({ instance: job.instance, psi })}\n`);
