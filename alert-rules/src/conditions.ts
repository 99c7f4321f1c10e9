import type { GrafanaCondition } from './rule-types.js';

/** A Prometheus alert expression and the condition of its Grafana-managed twin. */
export interface AlertCondition {
  readonly expr: string;
  readonly grafana: GrafanaCondition;
}

/** Comparison operators the generated alerts use. */
export type Comparison = '>' | '>=' | '<';

/**
 * An alert on a value against a fixed limit: Prometheus `value op limit`; Grafana queries `value`
 * and puts the limit in its threshold step (`>=` becomes `gt`: Grafana's threshold has no "or equal";
 * the two differ only when the value equals the limit exactly).
 * @example thresholdCondition('max by (m) (x)', '>', 0.1).expr // 'max by (m) (x) > 0.1'
 */
export function thresholdCondition(value: string, op: Comparison, limit: number): AlertCondition {
  return { expr: `${value} ${op} ${limit}`, grafana: { query: value, evaluator: { type: op === '<' ? 'lt' : 'gt', params: [limit] } } };
}

/**
 * An alert on a value outside `[lower, upper]`: Prometheus `(min by … < lower) or (max by … > upper)`
 * (the worst replica on either side); Grafana queries the same expression (it returns only values
 * outside the band) with an `outside_range` threshold.
 */
export function outsideBandCondition(by: string, value: string, lower: number, upper: number): AlertCondition {
  const expr = `(min by (${by}) (${value}) < ${lower}) or (max by (${by}) (${value}) > ${upper})`;
  return { expr, grafana: { query: expr, evaluator: { type: 'outside_range', params: [lower, upper] } } };
}

/**
 * An alert whose expression filters targets (every returned series fires) and whose value is known
 * to be above `lowerBound` whenever it fires: Grafana queries the same expression with `gt lowerBound`.
 */
export function filteredCondition(expr: string, lowerBound: number): AlertCondition {
  return { expr, grafana: { query: expr, evaluator: { type: 'gt', params: [lowerBound] } } };
}

/**
 * An alert whose expression filters targets with no bound on the returned value: Grafana counts the
 * returned series per target (`count by`) and fires on `> 0`; `description` replaces the Prometheus one
 * there (its value is then a count).
 */
export function presenceCondition(expr: string, by: string, description: string): AlertCondition {
  return { expr, grafana: { query: `count by (${by}) (${expr})`, evaluator: { type: 'gt', params: [0] }, description } };
}
