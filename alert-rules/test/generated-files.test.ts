import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfig, type AlertRulesConfig } from '../src/config.js';
import { renderGrafanaFiles } from '../src/grafana-rules.js';
import { buildRuleGroups, renderRuleFiles } from '../src/render-rule-files.js';
import type { AlertingRule } from '../src/rule-types.js';
import { GRAFANA_DIR, RULES_DIR, WORKSPACE_DIR } from './tools.js';

/** Sections of the config that are objects. */
type Section = 'performance' | 'fairness' | 'spc';

/** A copy of the default config with some fields of one section replaced. */
function withSection<K extends Section>(key: K, value: Partial<AlertRulesConfig[K]>): AlertRulesConfig {
  return { ...defaultConfig, [key]: { ...defaultConfig[key], ...value } };
}

describe('committed rule files', () => {
  it.each([
    ['rules', RULES_DIR, () => renderRuleFiles(defaultConfig)],
    ['grafana', GRAFANA_DIR, () => renderGrafanaFiles(defaultConfig)],
  ] as const)('%s/ holds exactly the generator output of the default config (run `npm run rules:generate --workspace alert-rules`)', (_name, dir, render) => {
    const generated = render();
    const committed = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(`${name}:\n${readFileSync(join(dir, name), 'utf8')}`).toBe(`${name}:\n${text}`);
    }
  });

  it('give every alert a severity, a fixed summary, a templated description and a runbook section that exists', () => {
    const runbook = readFileSync(join(WORKSPACE_DIR, 'runbook.md'), 'utf8');
    const headings = new Set([...runbook.matchAll(/^## (\S+)$/gm)].map((match) => (match[1] ?? '').toLowerCase()));
    const alerts = [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules).filter((rule): rule is AlertingRule => 'alert' in rule);
    expect(alerts.length).toBeGreaterThanOrEqual(25);
    for (const alert of alerts) {
      expect(['critical', 'warning', 'info']).toContain(alert.labels.severity);
      expect(alert.annotations.summary).not.toContain('{{');
      expect(alert.annotations.description).toContain('{{ $labels.ml_model_name }}');
      const anchor = alert.annotations.runbook_url?.split('#')[1];
      expect(headings.has(anchor ?? '')).toBe(true);
    }
  });

  it('use only metric names of the contract docs/metrics.md (histogram series _bucket, _sum, _count by their base name)', () => {
    const contract = readFileSync(join(WORKSPACE_DIR, '..', 'docs', 'metrics.md'), 'utf8');
    const listed = new Set([...contract.matchAll(/`(ml_[a-z_]+)`/g)].map((match) => match[1]));
    const known = { has: (name: string) => listed.has(name) || listed.has(name.replace(/_(bucket|sum|count)$/, '')) };
    for (const text of renderRuleFiles(defaultConfig).values()) {
      const document = parse(text) as { groups: { rules: { expr: string }[] }[] };
      for (const rule of document.groups.flatMap((group) => group.rules)) {
        // metric names: identifiers starting ml_ and followed by `{`, `[`, `)` or whitespace (labels are followed by `=`, `,`, `)` inside by(...))
        for (const match of [...rule.expr.matchAll(/\b(ml_[a-z_]+)\s*[{[]/g), ...rule.expr.matchAll(/\((ml_[a-z_]+)\)/g)]) {
          expect({ metric: match[1], listed: known.has(match[1] ?? '') }).toEqual({ metric: match[1], listed: true });
        }
      }
    }
  });

  it.each([
    ['a critical degradation not above the warning', withSection('performance', { criticalDegradation: 0.05 }), /performance\.criticalDegradation must be above performance\.warningDegradation \(0\.05\), got 0\.05/],
    ['a significance k that is not positive', withSection('performance', { significanceK: -1 }), /performance\.significanceK must be a positive number of standard errors \(e\.g\. 3\), got -1/],
    [
      'a segment minimum of rows below the whole-model one',
      withSection('performance', { segment: { ...defaultConfig.performance.segment, minSamples: 50 } }),
      /performance\.segment\.minSamples must be at least performance\.minSamples \(100\), got 50/,
    ],
    [
      'a segment critical degradation not above its warning',
      withSection('performance', { segment: { ...defaultConfig.performance.segment, criticalDegradation: 0.01 } }),
      /performance\.segment\.criticalDegradation must be above performance\.segment\.warningDegradation \(0\.05\), got 0\.01/,
    ],
    ['a fairness significance k that is not a number', withSection('fairness', { significanceK: Number.NaN }), /fairness\.significanceK must be a positive number of standard errors \(e\.g\. 3\), got NaN/],
    ['a fairness band that does not contain 1', withSection('fairness', { lower: 1.1 }), /fairness band must satisfy 0 < lower < 1 < upper, got lower 1\.1 and upper 1\.25/],
    ['an SPC lookback that is not a duration', withSection('spc', { lookback: '7 days' }), /spc\.lookback must be a Prometheus duration such as 30m, 6h or 7d, got "7 days"/],
    ['an SPC k that is not positive', withSection('spc', { k: 0 }), /spc\.k must be a positive number of standard deviations, got 0/],
  ])('reject %s with a message naming the field and value', (_name, config, message) => {
    expect(() => renderRuleFiles(config)).toThrow(message);
  });

  it('add a critical segment alert only when performance.segment.criticalDegradation is set', () => {
    const segmentAlerts = (config: AlertRulesConfig) =>
      (buildRuleGroups(config).get('performance.rules.yaml')?.rules ?? []).flatMap((rule) => ('alert' in rule && rule.alert === 'MlSegmentPerformanceDegraded' ? [`${rule.labels.severity} ${rule.expr.split(' > ').pop()}`] : []));
    expect(segmentAlerts(defaultConfig)).toEqual(['warning 0.05']);
    expect(segmentAlerts(withSection('performance', { segment: { ...defaultConfig.performance.segment, criticalDegradation: 0.25 } }))).toEqual(['warning 0.05', 'critical 0.25']);
  });

  it('reject a fleet alert window that has no recording rules', () => {
    const config = { ...defaultConfig, fleetDrift: { ...defaultConfig.fleetDrift, alertWindow: '2h' } };
    expect(() => renderRuleFiles(config)).toThrow(/fleetDrift\.alertWindow must be one of fleetDrift\.windows \(1h, 6h\), got "2h"/);
  });

  it('apply the configured selector to every metric and the extra grouping labels to every aggregation', () => {
    const config = { ...defaultConfig, selector: 'env="prod"', extraGroupingLabels: ['team'] };
    const metrics = ['ml_feature_drift_score', 'ml_feature_drift_detected', 'ml_feature_drift_threshold', 'ml_feature_drift_effect_size', 'ml_dataset_drift_share', 'ml_dataset_drift_detected', 'ml_feature_quality_missing_ratio', 'ml_feature_quality_unseen_category_ratio', 'ml_feature_quality_out_of_range_ratio', 'ml_feature_quality_type_error_ratio', 'ml_observations_total', 'ml_observations_dropped_total', 'ml_attribute_overflow_total', 'ml_feature_bin_observations_total', 'ml_feature_bin_reference_fraction', 'ml_labels_total', 'ml_predictions_evicted_total', 'ml_labels_pending', 'ml_label_coverage', 'ml_label_delay_bucket', 'ml_performance_accuracy', 'ml_performance_samples', 'ml_performance_baseline', 'ml_performance_degradation', 'ml_performance_sampling_error', 'ml_performance_estimated_degradation', 'ml_performance_estimated_sampling_error', 'ml_concept_drift_detections_total', 'ml_fairness_disparate_impact_ratio', 'ml_fairness_group_samples', 'ml_window_samples'];
    let selected = 0;
    for (const group of buildRuleGroups(config).values()) {
      for (const rule of group.rules) {
        for (const match of rule.expr.matchAll(/(?<![:\w])(ml_[a-z_]+)(\{[^}]*\})?/g)) {
          if (!metrics.includes(match[1] ?? '')) continue;
          expect(`${match[1]}${match[2] ?? ''}`).toMatch(/\{env="prod"/);
          selected += 1;
        }
        for (const match of rule.expr.matchAll(/ by \(([^)]*)\)/g)) expect(match[1]).toMatch(/team$/);
      }
    }
    expect(selected).toBeGreaterThan(40);
  });
});
