/** Shapes of a Prometheus rule file (also the format vmalert loads). */

/** A Prometheus alerting rule. */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
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
