/**
 * PromQL label matchers built from the template variables. Every query selects by model name and
 * version (present on the push and the pull path), never by job or service alone (docs/metrics.md).
 */

/** Matchers for `$model` (single) and `$version` (multi, All = `.*`). */
export const MODEL_MATCHERS = 'ml_model_name="$model", ml_model_version=~"$version"';

/** `{model, version}` selector. */
export const MODEL = `{${MODEL_MATCHERS}}`;

/**
 * A selector with the model matchers plus extra matchers.
 * @example withModel('ml_feature_name=~"$feature"') // '{ml_model_name="$model", ml_model_version=~"$version", ml_feature_name=~"$feature"}'
 */
export function withModel(...extra: readonly string[]): string {
  return `{${[MODEL_MATCHERS, ...extra].join(', ')}}`;
}

/** `$feature` (multi). */
export const FEATURE = 'ml_feature_name=~"$feature"';
/** `$segment` (multi, All = `.*`, which also matches series without a segment label). */
export const SEGMENT = 'ml_segment=~"$segment"';
/** `$attribute` (multi): protected attributes of the fairness metrics. */
export const ATTRIBUTE = 'ml_fairness_attribute=~"$attribute"';
