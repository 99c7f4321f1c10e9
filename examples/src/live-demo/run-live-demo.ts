/**
 * The live demo as a function (the `npm run demo` entry and the end-to-end test both call it): the
 * example fraud service instrumented with modelwatch, fed by the drift simulator over HTTP, exporting
 * OTLP to the local stack whose alert rules page through Alertmanager.
 */
import { createModelMonitor, loadProfile, startModelwatch, type ModelMonitor, type ModelwatchHandle, type MonitorSnapshot } from '@modelwatch/otel';
import { createServer } from '../service/create-server.js';
import { REFERENCE_PROFILE_PATH } from '../service/reference-data.js';
import { planDemo, type DemoPlan } from './demo-plan.js';
import type { AlertRulesConfig } from '../../../alert-rules/src/config.js';
import { DEMO_TIME_SCALE, demoRulesConfig, startDemoStack, type ActiveAlert, type DemoStack } from './demo-stack.js';
import { describeAlert } from './live-view.js';
import { driveTraffic, type TrafficStats } from './traffic-driver.js';

export interface LiveDemoTick {
  elapsedSeconds: number;
  phase: DemoPlan['phases'][number];
  snapshot: MonitorSnapshot;
  alerts: ActiveAlert[] | undefined;
  traffic: TrafficStats;
}

/** An alert seen active during the run, with when it first appeared relative to the phase it fired in. */
export interface FiredAlert {
  name: string;
  description: string;
  labels: Record<string, string>;
  phase: string;
  /** Seconds from the start of that phase to the first time the demo saw it active in Alertmanager. */
  secondsIntoPhase: number;
  /** When the demo first saw it active (ms since the epoch). */
  seenAtMs: number;
  /**
   * When its condition started to hold (Prometheus' `activeAt`, ms since the epoch): the alert fires a
   * `for` later, so this, not `seenAtMs`, tells which phase caused it.
   */
  activeAtMs: number;
  /** The phase at `activeAtMs`. */
  causePhase: string;
}

/** The intervals that bound how fast an alert can follow a change (see docs/alerting.md, worst-case latency). */
export interface LiveDemoSettings {
  /** The monitor's sliding window: drifted rows must fill part of it before a score crosses its threshold. */
  windowMs: number;
  /** OTLP export interval of the metrics. */
  exportIntervalMs: number;
  /** The shipped rules' durations are divided by this. */
  timeScale: number;
  /** The rendered rule config (evaluation interval, `for` durations). */
  rules: AlertRulesConfig;
}

export interface LiveDemoResult {
  plan: DemoPlan;
  settings: LiveDemoSettings;
  traffic: TrafficStats;
  /** Every distinct alert (name + target) seen active, in the order they first appeared. */
  fired: FiredAlert[];
  /** Why the stack did not run, when it did not (in-process mode). */
  stackMissing: string | undefined;
  finalSnapshot: MonitorSnapshot;
}

export interface LiveDemoOptions {
  durationSeconds: number;
  rate: number;
  stack: boolean;
  seed?: number;
  /** How often the view is refreshed (default 2000 ms). */
  tickMs?: number;
  onTick?: (tick: LiveDemoTick) => void;
  /** Messages for the user (stack start, what is missing). */
  log?: (line: string) => void;
}

function alertKey(alert: Pick<ActiveAlert, 'labels'>): string {
  return describeAlert(alert);
}

/** The monitor's window: 20 s of 2 s slices (at the demo's time scale, about 1.7 h of production time). */
const WINDOW = { durationMs: 20_000, slices: 10 } as const;
const EXPORT_INTERVAL_MS = 1000;

/**
 * Runs the demo for `durationSeconds` of traffic and resolves with what fired. Starts and stops
 * everything it needs; when the stack cannot start, runs in-process and says why in `stackMissing`.
 */
export async function runLiveDemo(options: LiveDemoOptions): Promise<LiveDemoResult> {
  const log = options.log ?? (() => undefined);
  const rules = demoRulesConfig();
  const settings: LiveDemoSettings = { windowMs: WINDOW.durationMs, exportIntervalMs: EXPORT_INTERVAL_MS, timeScale: DEMO_TIME_SCALE, rules };
  let stack: DemoStack | undefined;
  let stackMissing: string | undefined;
  if (options.stack) {
    log('starting the local stack: vmagent → Prometheus (alert rules at demo speed) → Alertmanager …');
    try {
      stack = await startDemoStack(rules);
      log(`stack up: Prometheus ${stack.stack.prometheusUrl}, Alertmanager ${stack.stack.alertmanagerUrl}`);
    } catch (error) {
      stackMissing = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`the stack could not start (${stackMissing}); running in-process: drift, quality and performance are computed, no alerts`);
    }
  } else {
    stackMissing = 'disabled with --no-stack';
  }
  let modelwatch: ModelwatchHandle | undefined;
  let monitor: ModelMonitor | undefined;
  let service: Awaited<ReturnType<typeof createServer>> | undefined;
  try {
    modelwatch = stack === undefined ? undefined : startModelwatch({ url: stack.stack.vmagentOtlpUrl, serviceName: 'fraud-service', exportIntervalMillis: EXPORT_INTERVAL_MS, setGlobal: false });
    const reference = await loadProfile(REFERENCE_PROFILE_PATH);
    monitor = createModelMonitor({
      model: { name: 'fraud', version: '1' },
      reference,
      window: WINDOW,
      minSamples: 500,
      segments: { attribute: 'region', cap: 10 },
      fairness: { attributes: ['age_band'] },
      labels: { ttlMs: 120_000 },
      ...(modelwatch === undefined ? {} : { meterProvider: modelwatch.meterProvider }),
    });
    service = await createServer({ monitor });
    const baseUrl = await service.listen(0);
    const start = Date.now() + 200;
    const plan = planDemo({ durationMs: options.durationSeconds * 1000, rate: options.rate, start, seed: options.seed ?? 7 });
    const fired = new Map<string, FiredAlert>();
    let traffic: TrafficStats = { predictions: 0, labels: 0, failedRequests: 0 };
    const phaseAt = (now: number) => plan.phases.find((phase) => now < phase.endMs) ?? (plan.phases[plan.phases.length - 1] as DemoPlan['phases'][number]);
    const live = monitor;
    /** The `activeAt` of each alert's current episode (a pending alert that resolves never reaches Alertmanager; a later one starts anew). */
    const activeSince = new Map<string, number>();
    const tick = async () => {
      const now = Date.now();
      const [alerts, ruleAlerts] = stack === undefined ? [undefined, []] : await Promise.all([stack.alerts('fraud').catch(() => []), stack.ruleAlerts('fraud').catch(() => [])]);
      for (const alert of ruleAlerts) {
        const since = Date.parse(alert.activeAt);
        if (Number.isFinite(since)) activeSince.set(alertKey(alert), since);
      }
      const phase = phaseAt(now);
      for (const alert of alerts ?? []) {
        if (alert.status.state !== 'active' || fired.has(alertKey(alert))) continue;
        const activeAtMs = activeSince.get(alertKey(alert)) ?? now;
        fired.set(alertKey(alert), {
          name: alert.labels.alertname ?? '?',
          description: describeAlert(alert),
          labels: alert.labels,
          phase: phase.name,
          secondsIntoPhase: (now - phase.startMs) / 1000,
          seenAtMs: now,
          activeAtMs,
          causePhase: phaseAt(activeAtMs).name,
        });
      }
      options.onTick?.({ elapsedSeconds: (now - start) / 1000, phase, snapshot: live.snapshot(), alerts, traffic });
    };
    let ticking = Promise.resolve();
    const timer = setInterval(() => {
      ticking = ticking.then(tick).catch(() => undefined);
    }, options.tickMs ?? 2000);
    try {
      traffic = await driveTraffic({ baseUrl, rows: plan.rows, onTick: (stats) => (traffic = { ...stats }) });
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await tick();
    } finally {
      clearInterval(timer);
      await ticking;
    }
    return { plan, settings, traffic, fired: [...fired.values()], stackMissing, finalSnapshot: live.snapshot() };
  } finally {
    await service?.close();
    monitor?.shutdown();
    await modelwatch?.shutdown().catch(() => undefined);
    await stack?.stop();
  }
}
