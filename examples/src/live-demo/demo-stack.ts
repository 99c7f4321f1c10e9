/**
 * The local stack of the live demo: the repository's real vmagent → Prometheus → Alertmanager
 * (installed from Debian packages by scripts/install-stack.sh), with the project's alert rules
 * rendered at demo speed (every duration of the shipped config divided by DEMO_TIME_SCALE) and the
 * example Alertmanager routing with its receivers emptied (nothing leaves the machine).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultConfig, type AlertRulesConfig } from '../../../alert-rules/src/config.js';
import { renderRuleFiles } from '../../../alert-rules/src/render-rule-files.js';
import { startMetricsStack, type MetricsStack } from '../../../exporter/test/integration/stack/index.js';

/** One hour of the shipped rules lasts 12 s in the demo. */
export const DEMO_TIME_SCALE = 300;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `15m` → `3s` at scale 300; never below one second (Prometheus' evaluation floor here). */
export function scaleDuration(text: string, scale: number): string {
  const match = DURATION.exec(text);
  if (match === null) return text;
  const seconds = (Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number)) / scale;
  return `${Math.max(1, Math.round(seconds))}s`;
}

function scaleDurations<T>(value: T, scale: number): T {
  if (typeof value === 'string') return scaleDuration(value, scale) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scaleDurations(item, scale)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scaleDurations(item, scale)])) as T;
  }
  return value;
}

/**
 * The shipped rule config with every duration compressed `scale` times and a 1 s evaluation
 * interval: the same expressions and thresholds, on a demo's clock.
 *
 * @example demoRulesConfig().featureDrift.warningFor // '3s' (15m / 300)
 */
export function demoRulesConfig(scale = DEMO_TIME_SCALE, base: AlertRulesConfig = defaultConfig): AlertRulesConfig {
  const scaled = scaleDurations(base, scale);
  return { ...scaled, selector: base.selector, runbookBaseUrl: base.runbookBaseUrl, evaluationInterval: '1s' };
}

/** An alert as Alertmanager's API v2 lists it. */
export interface ActiveAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status: { state: string };
  startsAt: string;
}

/** An alert as Prometheus' rule manager holds it (`/api/v1/alerts`): pending or firing, since `activeAt`. */
export interface RuleAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing' | 'inactive';
  /** When the alert's condition started to hold (RFC 3339). */
  activeAt: string;
}

export interface DemoStack {
  stack: MetricsStack;
  /** Alerts Alertmanager holds for `model` now (active and suppressed). */
  alerts(model: string): Promise<ActiveAlert[]>;
  /** Alerts Prometheus evaluates as pending or firing for `model` now. */
  ruleAlerts(model: string): Promise<RuleAlert[]>;
  stop(): Promise<void>;
}

/** Starts the stack with the demo rules and the example routing; `stop()` removes everything. */
export async function startDemoStack(config: AlertRulesConfig = demoRulesConfig()): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'modelwatch-demo-stack-'));
  const ruleFiles = [...renderRuleFiles(config)].map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const routing = parse(readFileSync(new URL('../../../alert-rules/alertmanager.yml', import.meta.url), 'utf8')) as { receivers: Array<{ name: string }> };
  routing.receivers = routing.receivers.map((receiver) => ({ name: receiver.name }));
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(configFile, stringify(routing));
  let stack: MetricsStack;
  try {
    stack = await startMetricsStack({ ruleFiles, alertmanager: { configFile } });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    stack,
    alerts: async (model) => {
      const filter = encodeURIComponent(`ml_model_name="${model}"`);
      const response = await fetch(`${stack.alertmanagerUrl}/api/v2/alerts?filter=${filter}`);
      return (await response.json()) as ActiveAlert[];
    },
    ruleAlerts: async (model) => {
      const response = await fetch(`${stack.prometheusUrl}/api/v1/alerts`);
      const body = (await response.json()) as { data: { alerts: RuleAlert[] } };
      return body.data.alerts.filter((alert) => alert.labels.ml_model_name === model);
    },
    stop: async () => {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
