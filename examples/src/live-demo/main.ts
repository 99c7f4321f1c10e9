/**
 * `npm run demo`: the live demo. Starts the local stack (installing it on first use), the example
 * fraud service and the simulator — stationary traffic, a sudden drift, a data-quality fault, labels
 * arriving late — shows a live view, and ends by itself with the alerts that fired and an HTML report.
 *
 *   npm run demo -- --duration 90        shorter run
 *   npm run demo -- --no-stack           in-process only (no vmagent / Prometheus / Alertmanager)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDemoOptions } from './demo-options.js';
import { renderView } from './live-view.js';
import { runLiveDemo } from './run-live-demo.js';
import { writeDemoReport } from './write-report.js';

/** Alerts on input drift (the concept-drift detectors watch errors and scores instead). */
const DRIFT_ALERTS: ReadonlySet<string> = new Set(['MlFeatureDrift', 'MlDatasetDrift', 'MlFleetFeatureDrift']);

async function main(): Promise<number> {
  const options = parseDemoOptions(process.argv.slice(2));
  const tty = process.stdout.isTTY === true;
  let lastPlainLine = 0;
  console.log(`modelwatch demo: ${options.durationSeconds} s of traffic at ${options.rate} predictions/s (stationary → sudden drift → data-quality fault)`);
  const result = await runLiveDemo({
    durationSeconds: options.durationSeconds,
    rate: options.rate,
    stack: options.stack,
    log: (line) => console.log(line),
    onTick: (tick) => {
      const view = renderView({
        elapsedSeconds: tick.elapsedSeconds,
        durationSeconds: options.durationSeconds,
        phase: tick.phase,
        snapshot: tick.snapshot,
        alerts: tick.alerts,
        predictions: tick.traffic.predictions,
        labels: tick.traffic.labels,
      });
      if (tty) {
        process.stdout.write(`\x1b[H\x1b[2J${view.join('\n')}\n`);
      } else if (tick.elapsedSeconds - lastPlainLine >= 10) {
        lastPlainLine = tick.elapsedSeconds;
        const firing = (tick.alerts ?? []).filter((alert) => alert.status.state === 'active').map((alert) => alert.labels.alertname).join(', ');
        const drifted = tick.snapshot.features.filter((feature) => feature.drift?.drifted === true).map((feature) => feature.name).join(', ');
        console.log(`[${tick.elapsedSeconds.toFixed(0).padStart(3)} s] ${tick.phase.name.padEnd(13)} predictions ${tick.traffic.predictions}, labels ${tick.traffic.labels}; drifted: ${drifted || 'none'}; firing: ${firing || 'none'}`);
      }
    },
  });

  const folder = mkdtempSync(join(tmpdir(), 'modelwatch-demo-'));
  const driftPhase = result.plan.rows.filter((row) => row.phase === 1);
  const report = writeDemoReport(driftPhase, join(folder, 'drift-phase.jsonl'), options.reportPath ?? join(folder, 'drift-report.html'));

  console.log('\n== demo finished');
  console.log(`traffic: ${result.traffic.predictions} predictions, ${result.traffic.labels} delayed labels, ${result.traffic.failedRequests} failed requests`);
  if (result.stackMissing !== undefined) {
    console.log(`stack: not used (${result.stackMissing}). Install it with: bash scripts/install-stack.sh (needs apt-get; root once)`);
  } else if (result.fired.length === 0) {
    console.log('alerts: none fired (unexpected: see the stack logs)');
  } else {
    console.log('alerts that fired in Alertmanager:');
    for (const alert of result.fired) {
      const cause = alert.causePhase === alert.phase ? '' : ` (its condition held since "${alert.causePhase}")`;
      console.log(`  firing: ${alert.description} — during "${alert.phase}", ${alert.secondsIntoPhase.toFixed(1)} s after it began${cause}`);
    }
  }
  if (report.error === undefined) console.log(`HTML drift report of the drift phase: ${report.path}`);
  else console.log(`HTML report failed: ${report.error}`);
  console.log('dashboards: with Docker, `docker compose -f dashboards/docker-compose.yaml up`, then http://localhost:3000 (see docs/dashboards.md)');
  const driftAlert = result.fired.some((alert) => alert.phase === 'sudden drift' && DRIFT_ALERTS.has(alert.name));
  if (result.stackMissing === undefined && !driftAlert) return 1;
  return report.error === undefined ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
