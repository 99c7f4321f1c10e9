import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, GUIDES } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { stat, table, timeseries } from '../panels.js';
import { FEATURE, withModel } from '../selectors.js';
import { qualityFeatureVariable, modelVariable, versionVariable } from '../variables.js';

const BY_FEATURE = withModel(FEATURE);

/** One quality ratio per feature, with the alert rule's threshold as a dashed line. */
function ratioPanel(metric: string, title: string, threshold: number, meaning: string) {
  return timeseries({
    title,
    description: `${meaning} The dashed line is the alert rule's threshold (${threshold}).`,
    unit: 'percentunit',
    min: 0,
    width: 12,
    thresholds: [{ color: 'green' }, { color: 'red', value: threshold }],
    queries: [{ expr: `ml_feature_quality_${metric}${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_model_version}}' }],
  });
}

/** Data quality: missing, out-of-range, unseen-category and type-error ratios per feature; quality events by check. */
export function dataQuality(): DashboardBuilder {
  const { missing, outOfRange, unseenCategory, typeError } = GUIDES.quality;
  return baseDashboard({
    uid: DASHBOARD_UIDS.dataQuality,
    title: 'modelwatch / Data quality',
    description: 'Broken inputs before they become drift: missing values, values outside the reference range, unseen categories, wrong types, unknown inputs.',
    variables: [modelVariable(), versionVariable(), qualityFeatureVariable()],
  })
    .withRow(new RowBuilder('Events'))
    .withPanel(
      stat({
        title: 'Quality events in range',
        description: 'Data-quality events of the selected features over the time range, every check.',
        unit: 'short',
        width: 6,
        thresholds: [{ color: 'green' }, { color: 'orange', value: 1 }],
        queries: [{ expr: `sum(increase(ml_quality_events_total${BY_FEATURE}[$__range]))` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Unknown input names in range',
        description: 'Values sent under names the reference profile does not have (counted as ml.feature.name="__unknown__"): a renamed or new input.',
        unit: 'short',
        width: 6,
        thresholds: [{ color: 'green' }, { color: 'orange', value: 1 }],
        queries: [{ expr: `sum(increase(ml_quality_events_total${withModel('ml_feature_name="__unknown__"')}[$__range]))` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Quality events by check',
        description: 'Events per second by check (missing, type_error, oversized_string, non_finite, out_of_range, unseen_category, unknown_feature).',
        unit: 'ops',
        width: 12,
        height: 8,
        queries: [{ expr: `sum by (ml_quality_check) (rate(ml_quality_events_total${BY_FEATURE}[$__rate_interval]))`, legend: '{{ml_quality_check}}' }],
      }),
    )
    .withPanel(
      table({
        title: 'Quality events by feature and check',
        description: 'Which feature fails which check, over the time range (only non-zero counts).',
        width: 24,
        queries: [
          {
            expr: `sum by (ml_model_version, ml_feature_name, ml_quality_check) (increase(ml_quality_events_total${withModel()}[$__range])) > 0`,
            instant: true,
            format: 'table',
          },
        ],
      }),
    )
    .withRow(new RowBuilder('Ratios over the window'))
    .withPanel(ratioPanel('missing_ratio', 'Missing ratio', missing, 'Missing values (absent, null, empty string, NaN) / rows in the window.'))
    .withPanel(ratioPanel('out_of_range_ratio', 'Out-of-range ratio', outOfRange, 'Numeric values outside the reference [min, max] or ±Infinity / numeric values.'))
    .withPanel(
      ratioPanel('unseen_category_ratio', 'Unseen category ratio', unseenCategory, 'Categories the reference never saw / categorical values (when the profile lists every reference category).'),
    )
    .withPanel(ratioPanel('type_error_ratio', 'Type error ratio', typeError, 'Values of the wrong type or oversized strings / rows.'))
    .withPanel(
      timeseries({
        title: 'Usable values per feature',
        description: 'Values of each feature in the window that passed the checks: the drift sample size.',
        unit: 'short',
        width: 24,
        queries: [{ expr: `ml_feature_window_samples${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_model_version}}' }],
      }),
    );
}
