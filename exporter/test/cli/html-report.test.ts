/**
 * The HTML report's pieces, as pure functions: bin labels, escaping, one chart per feature.
 */
import { describe, expect, it } from '@jest/globals';
import { binLabels, distributionChart } from '../../src/cli/distribution-chart.js';
import { escapeHtml } from '../../src/cli/escape-html.js';
import { renderHtmlReport } from '../../src/cli/html-report.js';
import type { CheckReport } from '../../src/cli/check-report.js';
import type { FeatureDriftData } from '../../src/drift/feature-drift-data.js';

const evil = '<script>alert("x")</script>';
const numeric: FeatureDriftData = { kind: 'numeric', binEdges: [10, 20.5], referenceCounts: [5, 10, 5], currentCounts: [1, 4, 15] };
const categorical: FeatureDriftData = { kind: 'categorical', categories: ['DE', evil, '__other__'], referenceCounts: [8, 2, 0], currentCounts: [5, 3, 2] };

const report: CheckReport = {
  dataset: { drifted: true, driftedShare: 0.5, weightedDriftedShare: null, rows: { reference: 20, current: 20 } },
  features: [
    { name: 'amount', kind: 'numeric', method: 'ks', score: 0.5, pValue: 0.001, threshold: 0.05, drifted: true, sampleSize: 20 },
    { name: evil, kind: 'categorical', method: 'chi_squared', score: 3.1, pValue: 0.2, threshold: 0.05, drifted: false, sampleSize: 10 },
  ],
  quality: [{ feature: evil, check: 'new_category', value: 0.2, threshold: 0, failed: true }],
};

describe('HTML report', () => {
  it('labels numeric bins as half-open intervals on the edges and categories as they are', () => {
    expect(binLabels(numeric)).toEqual(['< 10', '[10, 20.5)', '≥ 20.5']);
    expect(binLabels(categorical)).toEqual(['DE', evil, '__other__']);
  });

  it('draws one bar per side and bin, with heights proportional to the shares', () => {
    const svg = distributionChart('amount', numeric);
    const heights = [...svg.matchAll(/<rect class="(reference|current)"[^>]*height="([\d.]+)"/g)].map((match) => [match[1], Number(match[2])] as const);
    expect(heights.map(([side]) => side)).toEqual(['reference', 'current', 'reference', 'current', 'reference', 'current']);
    const tallest = Math.max(...heights.map(([, height]) => height));
    expect(heights.find(([side]) => side === 'current')?.[1]).toBeCloseTo(tallest / 15, 1); // share 1/20 against the top share 15/20
  });

  it('escapes every string from the data', () => {
    expect(escapeHtml(`a&b<"c">'`)).toBe('a&amp;b&lt;&quot;c&quot;&gt;&#39;');
    const html = renderHtmlReport(report, { input: 'day<1>.csv', reference: 'p.json', generatedAt: new Date(0), distributions: new Map<string, FeatureDriftData>([['amount', numeric], [evil, categorical]]) });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('day&lt;1&gt;.csv');
  });

  it('has one section and one chart per feature, the dataset summary and the failed quality checks', () => {
    const html = renderHtmlReport(report, { input: 'day.csv', reference: 'p.json', generatedAt: new Date(0), distributions: new Map<string, FeatureDriftData>([['amount', numeric], [evil, categorical]]) });
    expect(html.match(/<section class="card feature"/g)).toHaveLength(2);
    expect(html.match(/<svg class="distribution-chart"/g)).toHaveLength(2);
    expect(html).toContain('<dt>drifted features</dt><dd>1 of 2</dd>');
    expect(html).toMatch(/<table class="failed">.*new_category/s);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing external
  });
});
