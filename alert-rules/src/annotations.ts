import type { AlertRulesConfig } from './config.js';
import type { Severity } from './rule-types.js';

/** The runbook link of an alert: `<runbookBaseUrl>#<alert name in lower case>` (GitHub heading anchors). */
export function runbookUrl(alert: string, config: Pick<AlertRulesConfig, 'runbookBaseUrl'>): string {
  return `${config.runbookBaseUrl}#${alert.toLowerCase()}`;
}

/** The annotations every alert carries: fixed `summary`, templated `description`, `runbook_url`. */
export function alertAnnotations(
  alert: string,
  summary: string,
  description: string,
  config: Pick<AlertRulesConfig, 'runbookBaseUrl'>,
): Record<string, string> {
  return { summary, description, runbook_url: runbookUrl(alert, config) };
}

/** The labels every alert carries. */
export function alertLabels(severity: Severity, concern: string): Record<string, string> {
  return { severity, concern };
}

/** Template fragment naming the model: `model fraud version 3`. */
export const MODEL_TEMPLATE = 'model {{ $labels.ml_model_name }} version {{ $labels.ml_model_version }}';
/** Template fragment naming the feature and its model. */
export const FEATURE_TEMPLATE = `feature {{ $labels.ml_feature_name }} of ${MODEL_TEMPLATE}`;
/** Template fragment naming the segment when the series has one: ` in segment eu`. */
export const SEGMENT_TEMPLATE = '{{ with $labels.ml_segment }} in segment {{ . }}{{ end }}';

/**
 * Template that looks up one value in Prometheus at notification time (`query`), printed with 4
 * significant digits, or `unknown`. Each label is matched with the alert's own value of it.
 * Prometheus and vmalert have `query`; Grafana templates do not (give Grafana its own description).
 * @example lookupTemplate('ml_performance_baseline', ['ml_model_name'])
 */
export function lookupTemplate(metric: string, labels: readonly string[]): string {
  const matchers = labels.map((label) => `${label}=%q`).join(', ');
  const args = labels.map((label) => `$labels.${label}`).join(' ');
  return `{{ with printf "max(${metric}{${matchers}})" ${args} | query }}{{ . | first | value | printf "%.4g" }}{{ else }}unknown{{ end }}`;
}
