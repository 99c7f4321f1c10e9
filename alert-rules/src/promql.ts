import type { AlertRulesConfig } from './config.js';

/** Labels that identify a model in every alert. */
export const MODEL_LABELS = ['ml_model_name', 'ml_model_version'] as const;
/** Labels that identify a feature of a model. */
export const FEATURE_LABELS = [...MODEL_LABELS, 'ml_feature_name'] as const;

/**
 * A metric selector with the configured extra matchers, plus optional ones.
 * @example metricSelector('ml_window_samples', { selector: 'env="prod"' }) // 'ml_window_samples{env="prod"}'
 */
export function metricSelector(metric: string, config: Pick<AlertRulesConfig, 'selector'>, ...matchers: string[]): string {
  const all = [config.selector, ...matchers].filter((matcher) => matcher.trim() !== '');
  return all.length === 0 ? metric : `${metric}{${all.join(', ')}}`;
}

/** The comma-separated grouping list: the given labels plus the configured extra grouping labels. */
export function groupingLabels(labels: readonly string[], config: Pick<AlertRulesConfig, 'extraGroupingLabels'>): string {
  return [...labels, ...config.extraGroupingLabels].join(', ');
}

/** `max by (labels) (inner)`: one value per target however many replicas report it. */
export function maxBy(labels: string, inner: string): string {
  return `max by (${labels}) (${inner})`;
}

/** `sum by (labels) (inner)`. */
export function sumBy(labels: string, inner: string): string {
  return `sum by (${labels}) (${inner})`;
}
