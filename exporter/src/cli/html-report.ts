/**
 * The `--format html` report: one self-contained HTML file (inline CSS and SVG, no script, no
 * external request) with the dataset summary, one section and chart per feature, and the quality
 * findings. Every string that comes from the data is escaped.
 */
import type { FeatureDriftData } from '../drift/feature-drift-data.js';
import { checkFailed, type CheckReport, type CheckReportFeature } from './check-report.js';
import { distributionChart } from './distribution-chart.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-table.js';

/** What the report is about, shown in its header. */
export interface HtmlReportContext {
  input: string;
  reference: string;
  generatedAt: Date;
  /** Reference and current counts per feature name (the comparison's distributions). */
  distributions: ReadonlyMap<string, FeatureDriftData>;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#c9cfdb}
main{padding:16px 24px;max-width:1100px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px}
.fail{background:#fde2e1;color:#a4161a}.pass{background:#dcf3e3;color:#1b6b36}
.card{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:12px 16px;margin:0 0 16px}
.card h2{margin:0 0 8px;font-size:16px;word-break:break-all}
table{border-collapse:collapse}td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}th{color:#5b6475;font-weight:600}
dl.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:6px 16px;margin:0 0 8px}dl.stats dt{color:#5b6475;font-size:12px}dl.stats dd{margin:0;font-variant-numeric:tabular-nums}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
.distribution-chart{display:block;max-width:100%;height:auto;overflow:visible}
.distribution-chart .reference,.legend .reference{fill:#7d8ca3;background:#7d8ca3}.distribution-chart .current,.legend .current{fill:#e8833a;background:#e8833a}
.distribution-chart .grid{stroke:#e4e7ec}.distribution-chart text{font-size:10px;fill:#5b6475}
`;

function stat(name: string, value: string): string {
  return `<div><dt>${escapeHtml(name)}</dt><dd>${value}</dd></div>`;
}

function badge(failed: boolean, failText: string, passText: string): string {
  return `<span class="badge ${failed ? 'fail' : 'pass'}">${failed ? failText : passText}</span>`;
}

function featureSection(feature: CheckReportFeature, distribution: FeatureDriftData | undefined, index: number): string {
  const chart = distribution === undefined ? '<p>No distribution available.</p>' : distributionChart(feature.name, distribution);
  return `<section class="card feature" id="feature-${index}">
<h2>${escapeHtml(feature.name)} ${badge(feature.drifted, 'DRIFTED', 'no drift')}</h2>
<dl class="stats">${[
    stat('kind', escapeHtml(feature.kind)),
    stat('method', escapeHtml(feature.method ?? '—')),
    stat('score', formatNumber(feature.score)),
    stat('threshold', formatNumber(feature.threshold)),
    stat('p-value', formatNumber(feature.pValue)),
    stat('sample size', String(feature.sampleSize)),
  ].join('')}</dl>
<div class="legend"><span class="reference"></span>reference<span class="current"></span>current</div>
${chart}
</section>`;
}

function qualitySection(report: CheckReport): string {
  const failed = report.quality.filter((finding) => finding.failed);
  const rows = (findings: CheckReport['quality']): string =>
    findings
      .map((q) => `<tr><td>${escapeHtml(q.feature)}</td><td>${escapeHtml(q.check)}</td><td>${formatNumber(q.value)}</td><td>${formatNumber(q.threshold)}</td><td>${badge(q.failed, 'FAILED', 'ok')}</td></tr>`)
      .join('');
  const head = '<tr><th>feature</th><th>check</th><th>value</th><th>threshold</th><th></th></tr>';
  return `<section class="card quality" id="quality">
<h2>Data quality ${badge(failed.length > 0, `${failed.length} failed`, 'all passed')}</h2>
${failed.length > 0 ? `<table class="failed">${head}${rows(failed)}</table>` : '<p>Every check passed.</p>'}
<details><summary>All ${report.quality.length} checks</summary><table>${head}${rows(report.quality)}</table></details>
</section>`;
}

/**
 * The whole HTML document of a check report.
 *
 * @example await writeFile('report.html', renderHtmlReport(report, { input, reference, generatedAt: new Date(), distributions }))
 */
export function renderHtmlReport(report: CheckReport, context: HtmlReportContext): string {
  const { dataset } = report;
  const drifted = report.features.filter((feature) => feature.drifted).length;
  const failed = checkFailed(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>modelwatch check — ${escapeHtml(context.input)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>modelwatch check ${badge(failed, 'FAILED', 'PASSED')}</h1>
<p>${escapeHtml(context.input)} against ${escapeHtml(context.reference)} · ${escapeHtml(context.generatedAt.toISOString())}</p></header>
<main>
<section class="card dataset" id="dataset">
<h2>Dataset ${badge(dataset.drifted, 'DRIFTED', 'no dataset drift')}</h2>
<dl class="stats">${[
    stat('rows (reference)', String(dataset.rows.reference)),
    stat('rows (current)', String(dataset.rows.current)),
    stat('drifted features', `${drifted} of ${report.features.length}`),
    stat('drifted share', formatNumber(dataset.driftedShare, 3)),
    stat('weighted share', formatNumber(dataset.weightedDriftedShare, 3)),
    stat('failed quality checks', String(report.quality.filter((q) => q.failed).length)),
  ].join('')}</dl>
</section>
${qualitySection(report)}
${report.features.map((feature, index) => featureSection(feature, context.distributions.get(feature.name), index)).join('\n')}
</main>
</body>
</html>
`;
}
