import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/** A target Prometheus scrapes every second (the pull path), e.g. an OTel `PrometheusExporter`. */
export interface ScrapeTarget {
  /** Becomes the `job` label, e.g. `otel-pull`. */
  readonly jobName: string;
  /** `host:port`, e.g. `127.0.0.1:9464`. */
  readonly address: string;
  /** Defaults to `/metrics`. */
  readonly metricsPath?: string;
}

/** What goes into the generated `prometheus.yml`. */
export interface PrometheusConfigInput {
  /** Absolute paths of rule files (recording and alerting rules). */
  readonly ruleFiles?: readonly string[];
  /** `host:port` of an Alertmanager to send alerts to. */
  readonly alertmanagerAddress?: string;
  readonly scrapeTargets?: readonly ScrapeTarget[];
}

const JOB_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;
const HOST_PORT = /^[^\s:/]+:\d{1,5}$/;

function checkRuleFile(path: unknown, index: number): string {
  if (typeof path !== 'string' || !isAbsolute(path)) {
    throw new TypeError(`ruleFiles[${index}] must be an absolute path, got ${JSON.stringify(path)}`);
  }
  // Prometheus reads rule_files as globs: a missing file would silently load no rule at all
  if (!existsSync(path)) throw new RangeError(`ruleFiles[${index}] does not exist: ${path}`);
  return path;
}

function checkScrapeTarget(target: ScrapeTarget, index: number): ScrapeTarget {
  if (!JOB_NAME.test(target.jobName)) {
    throw new RangeError(`scrapeTargets[${index}].jobName must match ${JOB_NAME}, got ${JSON.stringify(target.jobName)}`);
  }
  if (!HOST_PORT.test(target.address)) {
    throw new RangeError(`scrapeTargets[${index}].address must be host:port, got ${JSON.stringify(target.address)}`);
  }
  if (target.metricsPath !== undefined && !target.metricsPath.startsWith('/')) {
    throw new RangeError(`scrapeTargets[${index}].metricsPath must start with '/', got ${JSON.stringify(target.metricsPath)}`);
  }
  return target;
}

/**
 * Renders a Prometheus configuration for tests: scrape and rule evaluation every second, the given
 * rule files, an optional Alertmanager and optional scrape targets (1 s interval). The output is
 * JSON, which is valid YAML, so no YAML library is needed.
 * @throws {TypeError|RangeError} naming the bad field.
 * @example renderPrometheusConfig({ scrapeTargets: [{ jobName: 'app', address: '127.0.0.1:9464' }] })
 */
export function renderPrometheusConfig(input: PrometheusConfigInput = {}): string {
  const ruleFiles = (input.ruleFiles ?? []).map(checkRuleFile);
  const targets = (input.scrapeTargets ?? []).map(checkScrapeTarget);
  const jobNames = targets.map((target) => target.jobName);
  const duplicate = jobNames.find((name, index) => jobNames.indexOf(name) !== index);
  if (duplicate !== undefined) throw new RangeError(`scrapeTargets: job name ${JSON.stringify(duplicate)} is used twice`);
  if (input.alertmanagerAddress !== undefined && !HOST_PORT.test(input.alertmanagerAddress)) {
    throw new RangeError(`alertmanagerAddress must be host:port, got ${JSON.stringify(input.alertmanagerAddress)}`);
  }
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: ruleFiles,
    ...(input.alertmanagerAddress === undefined
      ? {}
      : { alerting: { alertmanagers: [{ static_configs: [{ targets: [input.alertmanagerAddress] }] }] } }),
    scrape_configs: targets.map((target) => ({
      job_name: target.jobName,
      scrape_interval: '1s',
      metrics_path: target.metricsPath ?? '/metrics',
      static_configs: [{ targets: [target.address] }],
    })),
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
