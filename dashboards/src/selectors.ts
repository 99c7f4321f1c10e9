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
/**
 * The whole model on the performance families (`ml_performance_*`, `ml_label_coverage`): the series
 * with `ml.segment=""`, which Prometheus stores without an `ml_segment` label (`=""` matches the absent
 * label). Every observation counts there, so summing it with the segments would double-count.
 */
export const WHOLE_MODEL = 'ml_segment=""';
/** Only the per-segment series (`ml_segment` present); combine with `SEGMENT` for the `$segment` choice. */
export const SEGMENTS_ONLY = 'ml_segment!=""';
/** `$segment` (multi, All = `.*`); performance panels pair it with `SEGMENTS_ONLY` so All never pulls in the whole model. */
export const SEGMENT = 'ml_segment=~"$segment"';
/** Selected segments of a performance family: `SEGMENTS_ONLY` and `SEGMENT`. */
export const SELECTED_SEGMENTS = [SEGMENTS_ONLY, SEGMENT] as const;
/** `$attribute` (multi): protected attributes of the fairness metrics. */
export const ATTRIBUTE = 'ml_fairness_attribute=~"$attribute"';
