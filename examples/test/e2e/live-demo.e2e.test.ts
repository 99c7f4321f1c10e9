/**
 * End to end, as `npm run demo` runs it: the example fraud service instrumented with modelwatch, fed by the
 * drift simulator over HTTP, exporting OTLP to the real vmagent → Prometheus (the shipped alert rules at demo
 * speed, 1 s evaluation) → Alertmanager (the example routing). Stationary traffic raises no alert (but a
 * true fairness finding of the simulated population: its selection rates differ by age band); a
 * sudden drift reaches Alertmanager's API as a feature-drift alert of a drifted feature with the model,
 * version, feature and severity labels; a data-quality fault (merchant_category missing in 40 % of requests)
 * raises MlFeatureMissingRatioSpike for that feature and no drift alert names it. Prints the seconds from
 * each onset to its alert and the intervals used (recorded in docs/alerting.md).
 */
import { jest } from '@jest/globals';
import { runLiveDemo, type FiredAlert, type LiveDemoResult } from '../../src/live-demo/run-live-demo.js';
import { loadFraudModel, predict } from '../../src/service/fraud-model.js';

/** 72 s of traffic at 80 predictions/s: about 22 s stationary, 25 s drift, 25 s quality fault. */
const DURATION_SECONDS = 72;
const RATE = 80;
jest.setTimeout(130_000);

const DRIFT_ALERTS: ReadonlySet<string> = new Set(['MlFeatureDrift', 'MlDatasetDrift', 'MlFleetFeatureDrift']);

let result: LiveDemoResult;

/** Seconds from a phase's start to an alert's first sighting. */
function secondsAfter(phaseName: string, alert: FiredAlert): number {
  const phase = result.plan.phases.find((candidate) => candidate.name === phaseName);
  return phase === undefined ? Number.NaN : (alert.seenAtMs - phase.startMs) / 1000;
}

function summary(alerts: readonly FiredAlert[]): string[] {
  return alerts.map((alert) => `${alert.description} @ ${alert.phase} +${alert.secondsIntoPhase.toFixed(1)} s (condition since ${alert.causePhase})`);
}

/**
 * The disparate impact ratio (min / max selection rate over the age bands) of the model's own predictions
 * on the stationary rows the service scored: the truth the fairness alert is about.
 */
function stationaryDisparateImpact(): number {
  const model = loadFraudModel();
  const groups = new Map<string, { rows: number; selected: number }>();
  for (const row of result.plan.rows.filter((candidate) => candidate.phase === 0)) {
    const group = groups.get(row.attributes.age_band) ?? { rows: 0, selected: 0 };
    group.rows += 1;
    group.selected += Number(predict(model, row.features).prediction);
    groups.set(row.attributes.age_band, group);
  }
  const rates = [...groups.values()].map((group) => group.selected / group.rows);
  return Math.min(...rates) / Math.max(...rates);
}

beforeAll(async () => {
  result = await runLiveDemo({ durationSeconds: DURATION_SECONDS, rate: RATE, stack: true, tickMs: 500, log: (line) => console.log(line) });
  console.log(['alerts seen active in Alertmanager:', ...summary(result.fired)].join('\n  '));
});

test('runs on the real stack and sends all the traffic', () => {
  // CI installs the stack (.ci/run → scripts/install-stack.sh): a missing stack is a failure, never a skip
  expect(result.stackMissing).toBeUndefined();
  expect(result.traffic.failedRequests).toBe(0);
  expect(result.traffic.predictions).toBe(result.plan.rows.length);
});

test('stationary traffic raises no drift, performance, quality, concept-drift, label or health alert; fairness only where it is true', () => {
  // attributed by when each alert's condition began (Prometheus' activeAt), not when it reached Alertmanager a `for` later
  const stationary = result.fired.filter((alert) => alert.causePhase === 'stationary');
  // The simulated population has a real disparity: fraud base rates differ by age band, so the model selects
  // 18-29 about five times as often as 50+ (ratio ≈ 0.2). A four-fifths alert on it is a true positive.
  const impact = stationaryDisparateImpact();
  console.log(`disparate impact ratio of the model's predictions over age_band on the stationary rows: ${impact.toFixed(3)}`);
  const truePositive = (alert: FiredAlert) => alert.name === 'MlFairnessDisparateImpact' && alert.labels.ml_fairness_attribute === 'age_band' && impact < 0.8;
  expect(summary(stationary.filter((alert) => !truePositive(alert)))).toEqual([]);
});

test('a sudden drift reaches Alertmanager as a feature-drift alert of a drifted feature, with its labels', () => {
  const drift = result.fired.filter((alert) => alert.name === 'MlFeatureDrift' && result.plan.driftedFeatures.includes(alert.labels.ml_feature_name ?? ''));
  expect(drift.length).toBeGreaterThan(0);
  const first = drift.reduce((earliest, alert) => (alert.seenAtMs < earliest.seenAtMs ? alert : earliest));
  expect([first.causePhase, first.phase]).toEqual(['sudden drift', 'sudden drift']);
  expect(first.labels).toMatchObject({ alertname: 'MlFeatureDrift', ml_model_name: 'fraud', ml_model_version: '1', concern: 'drift' });
  expect(['warning', 'critical']).toContain(first.labels.severity);
  const { rules, exportIntervalMs, windowMs } = result.settings;
  console.log(
    `drift onset → first ${first.description} in Alertmanager: ${secondsAfter('sudden drift', first).toFixed(1)} s ` +
      `(monitor window ${windowMs / 1000} s, export ${exportIntervalMs / 1000} s, evaluation ${rules.evaluationInterval}, ` +
      `for ${first.labels.severity === 'critical' ? rules.featureDrift.criticalFor : rules.featureDrift.warningFor}, polled every 0.5 s)`,
  );
});

test('a data-quality fault raises MlFeatureMissingRatioSpike for merchant_category, and no drift alert names it', () => {
  const feature = result.plan.faultFeature;
  expect(feature).toBe('merchant_category');
  const spike = result.fired.find((alert) => alert.name === 'MlFeatureMissingRatioSpike' && alert.labels.ml_feature_name === feature);
  expect(spike).toBeDefined();
  const alert = spike as FiredAlert;
  expect([alert.causePhase, alert.phase]).toEqual(['quality fault', 'quality fault']);
  expect(alert.labels).toMatchObject({ ml_model_name: 'fraud', ml_model_version: '1', concern: 'data_quality', severity: 'warning' });
  expect(summary(result.fired.filter((fired) => DRIFT_ALERTS.has(fired.name) && fired.labels.ml_feature_name === feature))).toEqual([]);
  const { rules, exportIntervalMs, windowMs } = result.settings;
  console.log(
    `quality onset → ${alert.description} in Alertmanager: ${secondsAfter('quality fault', alert).toFixed(1)} s ` +
      `(monitor window ${windowMs / 1000} s, export ${exportIntervalMs / 1000} s, evaluation ${rules.evaluationInterval}, ` +
      `for ${rules.dataQuality.missingRatio.for}, polled every 0.5 s)`,
  );
});
