/** Shapes of a Prometheus rule file (also the format vmalert loads). */

/** Evaluator of a Grafana threshold step: `gt`/`lt` take one limit, the ranges two. */
export interface GrafanaEvaluator {
  readonly type: 'gt' | 'lt' | 'within_range' | 'outside_range';
  readonly params: readonly number[];
}

/**
 * How a Grafana-managed twin of an alert evaluates: query A (PromQL, one value per target), reduce B
 * (last value), threshold C on B. Not written to the Prometheus rule files.
 */
export interface GrafanaCondition {
  readonly query: string;
  readonly evaluator: GrafanaEvaluator;
  /** Replaces the Prometheus description when it uses what Grafana templates lack (`query`) or `$value` means another thing. */
  readonly description?: string;
}

/** A Prometheus alerting rule. */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The Grafana-managed twin's condition (alert-rules/grafana/); stripped from the Prometheus files. */
  readonly grafana: GrafanaCondition;
}

/** A Prometheus recording rule. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
}

/** One rule group (one concern). */
export interface RuleGroup {
  readonly name: string;
  readonly interval: string;
  readonly rules: readonly (AlertingRule | RecordingRule)[];
}

/** Severity by consequence: critical pages a person, warning goes to the work queue, info helps troubleshooting. */
export type Severity = 'critical' | 'warning' | 'info';
