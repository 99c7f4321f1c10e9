import { alertAnnotations, alertLabels, FEATURE_TEMPLATE } from './annotations.js';
import { thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { FEATURE_LABELS, groupingLabels, maxBy, metricSelector, sumBy } from './promql.js';
import type { AlertingRule, RecordingRule, RuleGroup } from './rule-types.js';

/** Names of the fleet-wide recording rules for one window (level:metric:operation). */
export function fleetRecordNames(window: string) {
  return {
    binIncrease: `model_feature_bin:ml_feature_bin_observations:increase${window}`,
    featureIncrease: `model_feature:ml_feature_bin_observations:increase${window}`,
    currentFraction: `model_feature_bin:ml_feature_bin_current_fraction:${window}`,
    psi: `model_feature:ml_feature_fleet_psi:${window}`,
    jensenShannon: `model_feature:ml_feature_fleet_jensen_shannon_distance:${window}`,
  };
}

/** The reference share per bin, deduplicated over replicas and renormalised to sum 1. */
export const REFERENCE_FRACTION_RECORD = 'model_feature_bin:ml_feature_bin_reference_fraction:normalized';

/** `(v > 0) or (v * 0 + epsilon)`: an empty bin gets the proportion epsilon, as the in-process PSI. */
function smoothed(vector: string, epsilon: number): string {
  return `((${vector} > 0) or (${vector} * 0 + ${epsilon}))`;
}

function windowRecords(window: string, config: AlertRulesConfig): RecordingRule[] {
  const feature = groupingLabels(FEATURE_LABELS, config);
  const bin = groupingLabels([...FEATURE_LABELS, 'ml_bin_index'], config);
  const names = fleetRecordNames(window);
  const cur = names.currentFraction;
  const ref = REFERENCE_FRACTION_RECORD;
  const curS = smoothed(cur, config.fleetDrift.psiEpsilon);
  const refS = smoothed(ref, config.fleetDrift.psiEpsilon);
  const mid = `((${cur} + ${ref}) / 2)`;
  const increase = `increase(${metricSelector('ml_feature_bin_observations_total', config)}[${window}])`;
  // each record reads raw series or records of a previous step only once: vmalert evaluates a group's
  // records against storage, where a record of the same evaluation may not be visible yet
  return [
    { record: names.binIncrease, expr: sumBy(bin, increase) },
    { record: names.featureIncrease, expr: `${sumBy(feature, increase)} > 0` },
    { record: cur, expr: `${sumBy(bin, increase)} / ignoring (ml_bin_index) group_left () (${sumBy(feature, increase)} > 0)` },
    { record: names.psi, expr: sumBy(feature, `(${curS} - ${refS}) * ln(${curS} / ${refS})`) },
    {
      record: names.jensenShannon,
      expr:
        `sqrt(clamp_min((${sumBy(feature, `(${cur} * ln(${cur} / ${mid})) and (${cur} > 0)`)} + ` +
        `${sumBy(feature, `(${ref} * ln(${ref} / ${mid})) and (${ref} > 0)`)}) / ${2 * Math.LN2}, 0))`,
    },
  ];
}

function fleetPsiAlert(config: AlertRulesConfig): AlertingRule {
  const f = config.fleetDrift;
  if (!f.windows.includes(f.alertWindow)) {
    throw new RangeError(`fleetDrift.alertWindow must be one of fleetDrift.windows (${f.windows.join(', ')}), got ${JSON.stringify(f.alertWindow)}`);
  }
  const alert = 'MlFleetFeatureDrift';
  return {
    alert,
    ...thresholdCondition(fleetRecordNames(f.alertWindow).psi, '>=', f.psiThreshold),
    for: f.alertFor,
    labels: alertLabels('warning', 'drift'),
    annotations: alertAnnotations(
      alert,
      'A feature drifted across the whole fleet of replicas.',
      `The fleet-wide PSI over ${f.alertWindow} of the ${FEATURE_TEMPLATE} is {{ $value | printf "%.4g" }}, threshold ${f.psiThreshold}.`,
      config,
    ),
  };
}

/**
 * Fleet-wide drift: per-bin counters summed over replicas (`ml_feature_bin_observations_total`) against the
 * reference shares (`ml_feature_bin_reference_fraction`), PSI (natural log, empty bin → epsilon, as
 * `populationStabilityIndex`) and Jensen-Shannon distance (base 2, as `scipy.spatial.distance.jensenshannon(p, q, 2)`)
 * per window, plus an alert on the fleet PSI.
 */
export function fleetDriftGroup(config: AlertRulesConfig): RuleGroup {
  const bin = groupingLabels([...FEATURE_LABELS, 'ml_bin_index'], config);
  const feature = groupingLabels(FEATURE_LABELS, config);
  const reference = maxBy(bin, metricSelector('ml_feature_bin_reference_fraction', config));
  return {
    name: 'modelwatch-fleet-drift',
    interval: config.evaluationInterval,
    rules: [
      { record: REFERENCE_FRACTION_RECORD, expr: `${reference} / ignoring (ml_bin_index) group_left () (${sumBy(feature, reference)} > 0)` },
      ...config.fleetDrift.windows.flatMap((window) => windowRecords(window, config)),
      fleetPsiAlert(config),
    ],
  };
}
