/**
 * Grafana's template substitution for Prometheus queries, done against a real Prometheus: each
 * `label_values(selector, label)` variable is resolved in dashboard order through the label-values
 * API, multi-value variables become `(a|b)` regexes (Grafana's Prometheus formatting; a multi
 * variable without values selects All, i.e. its allValue), and the interval variables get the values
 * Grafana would compute for the test's time range. A repeated panel gets one value per copy.
 */
import type { PrometheusClient } from '../../../exporter/test/integration/stack/index.js';
import { variableQuery, type VariableJson } from './committed-dashboards.js';

/** Values of Grafana's built-in interval variables for one time range. */
export interface IntervalValues {
  readonly range: string;
  readonly rateInterval: string;
  readonly interval: string;
}

const LABEL_VALUES = /^label_values\((.*),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/;

/** Regex-escapes a label value the way Grafana does for Prometheus multi-value variables. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\$&');
}

/** Replaces `$name` occurrences (longest names first so `$version` never eats `$v`). */
export function substitute(text: string, values: ReadonlyMap<string, string>, intervals: IntervalValues): string {
  const all = new Map<string, string>([...values, ['__range', intervals.range], ['__rate_interval', intervals.rateInterval], ['__interval', intervals.interval]]);
  const names = [...all.keys()].sort((a, b) => b.length - a.length);
  let result = text;
  for (const name of names) result = result.split(`$${name}`).join(all.get(name) ?? '');
  return result;
}

/** The variables of one dashboard for one model. */
export interface ResolvedVariables {
  /** Substitution text per variable name. */
  readonly values: ReadonlyMap<string, string>;
  /** The label values each variable found (for repeated panels). */
  readonly options: ReadonlyMap<string, readonly string[]>;
}

/**
 * Resolves the variables of a dashboard, the first one fixed to `first` (e.g. one model name).
 * @throws when a single-value variable (or a multi one without All) has no values: its panels could never show anything.
 */
export async function resolveVariables(prometheus: PrometheusClient, variables: readonly VariableJson[], first: string, intervals: IntervalValues): Promise<ResolvedVariables> {
  const values = new Map<string, string>();
  const options = new Map<string, readonly string[]>();
  for (const [index, variable] of variables.entries()) {
    if (index === 0) {
      values.set(variable.name, first);
      options.set(variable.name, [first]);
      continue;
    }
    const match = LABEL_VALUES.exec(variableQuery(variable).trim());
    if (match === null) throw new Error(`$${variable.name}: only label_values(selector, label) queries are supported, got ${variableQuery(variable)}`);
    const selector = substitute(match[1] ?? '', values, intervals);
    const found = await prometheus.labelValues(match[2] ?? '', selector);
    options.set(variable.name, found);
    if (found.length === 0) {
      if (variable.includeAll !== true || variable.allValue === undefined) throw new Error(`$${variable.name}: label_values(${selector}, ${match[2]}) returned no value`);
      values.set(variable.name, variable.allValue);
    } else {
      values.set(variable.name, variable.multi === true ? `(${found.map(escapeRegex).join('|')})` : (found[0] ?? ''));
    }
  }
  return { values, options };
}

/**
 * The substitutions of one panel: one per value of its repeat variable (a repeated panel shows one
 * copy per value, each with that single value), else just the dashboard's.
 */
export function panelSubstitutions(resolved: ResolvedVariables, repeat: string | undefined): Array<ReadonlyMap<string, string>> {
  if (repeat === undefined) return [resolved.values];
  return (resolved.options.get(repeat) ?? []).map((value) => new Map([...resolved.values, [repeat, value]]));
}
