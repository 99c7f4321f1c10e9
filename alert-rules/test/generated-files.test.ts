import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfig } from '../src/config.js';
import { buildRuleGroups, renderRuleFiles } from '../src/render-rule-files.js';
import type { AlertingRule } from '../src/rule-types.js';
import { RULES_DIR, WORKSPACE_DIR } from './tools.js';

describe('committed rule files', () => {
  it('are exactly the generator output of the default config (run `npm run rules:generate --workspace alert-rules`)', () => {
    const generated = renderRuleFiles(defaultConfig);
    const committed = readdirSync(RULES_DIR).filter((name) => name.endsWith('.yaml')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(`${name}:\n${readFileSync(join(RULES_DIR, name), 'utf8')}`).toBe(`${name}:\n${text}`);
    }
  });

  it('give every alert a severity, a fixed summary, a templated description and a runbook section that exists', () => {
    const runbook = readFileSync(join(WORKSPACE_DIR, 'runbook.md'), 'utf8');
    const headings = new Set([...runbook.matchAll(/^## (\S+)$/gm)].map((match) => (match[1] ?? '').toLowerCase()));
    const alerts = [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules).filter((rule): rule is AlertingRule => 'alert' in rule);
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    for (const alert of alerts) {
      expect(['critical', 'warning', 'info']).toContain(alert.labels.severity);
      expect(alert.annotations.summary).not.toContain('{{');
      expect(alert.annotations.description).toContain('{{ $labels.ml_model_name }}');
      const anchor = alert.annotations.runbook_url?.split('#')[1];
      expect(headings.has(anchor ?? '')).toBe(true);
    }
  });

  it('use only metric names of the contract docs/metrics.md', () => {
    const contract = readFileSync(join(WORKSPACE_DIR, '..', 'docs', 'metrics.md'), 'utf8');
    const known = new Set([...contract.matchAll(/`(ml_[a-z_]+)`/g)].map((match) => match[1]));
    for (const text of renderRuleFiles(defaultConfig).values()) {
      const document = parse(text) as { groups: { rules: { expr: string }[] }[] };
      for (const rule of document.groups.flatMap((group) => group.rules)) {
        // metric names: identifiers starting ml_ and followed by `{`, `[`, `)` or whitespace (labels are followed by `=`, `,`, `)` inside by(...))
        for (const match of rule.expr.matchAll(/\b(ml_[a-z_]+)\s*[{[]/g)) expect(known).toContain(match[1]);
        for (const match of rule.expr.matchAll(/\((ml_[a-z_]+)\)/g)) expect(known).toContain(match[1]);
      }
    }
  });

  it('reject a fleet alert window that has no recording rules', () => {
    const config = { ...defaultConfig, fleetDrift: { ...defaultConfig.fleetDrift, alertWindow: '2h' } };
    expect(() => renderRuleFiles(config)).toThrow(/fleetDrift\.alertWindow must be one of fleetDrift\.windows \(1h, 6h\), got "2h"/);
  });

  it('apply the configured selector to every metric and the extra grouping labels to every aggregation', () => {
    const config = { ...defaultConfig, selector: 'env="prod"', extraGroupingLabels: ['team'] };
    const metrics = ['ml_feature_drift_score', 'ml_feature_drift_detected', 'ml_feature_drift_threshold', 'ml_feature_drift_effect_size', 'ml_dataset_drift_share', 'ml_dataset_drift_detected', 'ml_feature_quality_missing_ratio', 'ml_feature_quality_unseen_category_ratio', 'ml_feature_quality_out_of_range_ratio', 'ml_feature_quality_type_error_ratio', 'ml_observations_total', 'ml_observations_dropped_total', 'ml_attribute_overflow_total', 'ml_feature_bin_observations_total', 'ml_feature_bin_reference_fraction'];
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
    expect(selected).toBeGreaterThan(20);
  });
});
