/** Prometheus metric names of the metric contract (`docs/metrics.md`), and the names a PromQL expression uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_DIR } from '../../src/paths.js';

/** Series Prometheus itself writes, usable beside the contract's names. */
export const PROMETHEUS_BUILTIN_SERIES = ['ALERTS'] as const;

/** Every Prometheus name in the tables of docs/metrics.md (push and pull columns). */
export function contractPrometheusNames(markdown = readFileSync(join(WORKSPACE_DIR, '..', 'docs', 'metrics.md'), 'utf8')): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    for (const match of line.matchAll(/`(ml_[a-z0-9_]+)`/g)) names.add(match[1] ?? '');
  }
  return names;
}

/** Metric names an expression selects: identifiers followed by `{` or `[` (label names never are). */
export function metricNamesIn(expr: string): string[] {
  return [...new Set([...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{[]/g)].map((match) => match[1] ?? ''))];
}

/** Whether `name` is a contract name, Prometheus' own, or a histogram series of a contract histogram. */
export function isKnownMetric(name: string, contract: ReadonlySet<string>): boolean {
  if (contract.has(name) || (PROMETHEUS_BUILTIN_SERIES as readonly string[]).includes(name)) return true;
  const histogram = /^(.*)_(bucket|sum|count)$/.exec(name);
  return histogram !== null && (contract.has(histogram[1] ?? '') || contract.has(`${histogram[1]}_bucket`));
}

/**
 * Selectors (`name{…}`) of the metric families exported for the whole model (`ml_segment=""`) and once
 * per segment (docs/metrics.md): `ml_performance_*` but the baseline, and `ml_label_coverage`.
 * @example performanceSelectors('ml_performance_f1{a="b"} / ml_performance_baseline{a="b"}') // ['ml_performance_f1{a="b"}']
 */
export function performanceSelectors(expr: string): string[] {
  return [...expr.matchAll(/\b(ml_performance_[a-z0-9_]+|ml_label_coverage)\s*\{[^}]*\}/g)]
    .filter((match) => match[1] !== 'ml_performance_baseline')
    .map((match) => match[0]);
}
