/**
 * The metric contract: docs/metrics.md and the code's constants must agree row by row, and the
 * pull-path names in the document must be what exporter-prometheus actually writes.
 */
import { readFileSync } from 'node:fs';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { createModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { MONITOR_ATTRIBUTES, MONITOR_METRICS } from '../../src/monitor/metric-names.js';
import { prometheusLabelName, prometheusMetricName } from '../../src/monitor/prometheus-names.js';
import { normalSample } from '../support/synthetic.js';
import { referenceProfile, testMeterProvider } from './monitor-fixture.js';
import { binaryProfile, binaryRows, regressionProfile, regressionRows } from './labelled-fixture.js';

interface DocumentedMetric {
  name: string;
  instrument: string;
  unit: string;
  attributes: string[];
  push: string;
  pull: string;
  meaning: string;
}

const code = (cell: string): string => cell.trim().replace(/^`|`$/g, '');

function documentedMetrics(): DocumentedMetric[] {
  const text = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## Metrics'), text.indexOf('## Labels'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `ml.'))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, ''));
      const [name, instrument, unit, attributes, push, pull, meaning] = cells as [string, string, string, string, string, string, string];
      return { name: code(name), instrument: instrument.trim(), unit: code(unit), attributes: attributes.split(',').map(code), push: code(push), pull: code(pull), meaning: meaning.trim() };
    });
}

describe('docs/metrics.md agrees with MONITOR_METRICS', () => {
  const documented = documentedMetrics();

  it('documents every metric once, and nothing else', () => {
    expect(documented.map((metric) => metric.name).sort()).toEqual(Object.values(MONITOR_METRICS).map((metric) => metric.name).sort());
  });

  it.each(Object.values(MONITOR_METRICS).map((metric) => [metric.name, metric] as const))('%s: instrument, unit, attributes and Prometheus names match', (name, metric) => {
    const row = documented.find((entry) => entry.name === name);
    expect(row).toEqual({
      name,
      instrument: metric.instrument,
      unit: metric.unit,
      attributes: [...metric.attributes],
      push: prometheusMetricName(metric),
      pull: prometheusMetricName(metric),
      meaning: metric.description,
    });
  });

  it('uses only units that keep push and pull names identical', () => {
    for (const metric of Object.values(MONITOR_METRICS)) expect(metric.unit).toMatch(/^(\{[a-z_]+\})?$/);
  });

  it('lists every attribute with its label', () => {
    const text = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    for (const attribute of Object.values(MONITOR_ATTRIBUTES)) expect(text).toContain(`\`${attribute}\` → \`${prometheusLabelName(attribute)}\``);
  });
});

describe('pull path: exporter-prometheus writes the documented names and labels', () => {
  it('serialises a real collection to exactly the contract names', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: { name: 'm', version: '1' }, reference: referenceProfile(), meterProvider: provider, window: { count: 1000 } });
    const x = normalSample(200, 1, 1, 3);
    monitor.observeBatch({ x, y: x, color: x.map((value) => (value > 1 ? 'red' : 'blue')), flag: x.map((value) => value > 0), prediction: x.map(() => 'a'), score: x.map(() => 0.5), unknown: x });
    monitor.observe({ features: { x: 1 }, timestamp: 'bad' as never });
    const labelled = createModelMonitor({ model: { name: 'b', version: '1' }, reference: binaryProfile(), meterProvider: provider, fairness: { attributes: ['group'] } });
    const rows = binaryRows(200, 4);
    rows.score.forEach((score, i) => labelled.observe({ features: { x: rows.x[i] }, score, prediction: rows.prediction[i], id: i, attributes: { group: rows.group[i] } }));
    rows.truth.forEach((truth, i) => labelled.label(i, truth));
    const regression = createModelMonitor({ model: { name: 'r', version: '1' }, reference: regressionProfile(), meterProvider: provider });
    const numbers = regressionRows(50, 6);
    numbers.x.forEach((x, i) => regression.observe({ features: { x }, prediction: numbers.prediction[i], id: `r${i}` }));
    numbers.truth.forEach((truth, i) => regression.label(`r${i}`, truth));
    const { resourceMetrics } = await reader.collect();
    const text = new PrometheusSerializer().serialize(resourceMetrics);
    const names = new Set(text.split('\n').filter((line) => line.startsWith('# TYPE ')).map((line) => line.split(' ')[2]));
    for (const metric of Object.values(MONITOR_METRICS)) {
      const pull = prometheusMetricName(metric);
      expect({ metric: metric.name, present: names.has(pull) }).toEqual({ metric: metric.name, present: true });
      const sample = text.split('\n').find((line) => line.startsWith(metric.instrument === 'Histogram' ? `${pull}_bucket{` : `${pull}{`)) ?? '';
      for (const attribute of metric.attributes) expect(sample).toContain(`${prometheusLabelName(attribute)}=`);
      expect(sample).toContain('otel_scope_name="@modelwatch/otel"');
    }
    expect(text).toContain('ml_feature_drift_detected{ml_model_name="m",ml_model_version="1",ml_feature_name="x",ml_drift_method="ks"');
    expect(text).toMatch(/^ml_label_delay_bucket\{ml_model_name="b",ml_model_version="1",otel_scope_name="@modelwatch\/otel",otel_scope_version="[^"]+",le="604800"\} 200$/m);
    expect(text).toContain('ml_labels_total{ml_model_name="b",ml_model_version="1",ml_label_outcome="joined"');
  });
});

test('the exporter-health counter of startModelwatch is documented with its Prometheus name', async () => {
  const { EXPORT_FAILURES_METRIC } = await import('../../src/otel/index.js');
  const text = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
  const row = text.split('\n').find((line) => line.startsWith(`| \`${EXPORT_FAILURES_METRIC}\` |`));
  expect(row).toContain(`\`${EXPORT_FAILURES_METRIC.replaceAll('.', '_')}_total\``);
});
