/**
 * The human-readable (`--format table`) rendering of a check report.
 */
import type { CheckReport } from './check-report.js';

/** A number for people: 4 decimals, exponent form for very small or large values, "—" for null. */
export function formatNumber(value: number | null, digits = 4): string {
  if (value === null) return '—';
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e6)) return value.toExponential(2);
  return Number(value.toFixed(digits)).toString();
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/**
 * Renders a check report as plain-text tables: a dataset summary line, one row per feature, then
 * the failed quality checks (all passed → one line saying so).
 */
export function formatCheckTable(report: CheckReport): string {
  const { dataset } = report;
  const drifted = report.features.filter((feature) => feature.drifted).length;
  const lines = [
    `Dataset drift: ${dataset.drifted ? 'DRIFTED' : 'no'} (${drifted} of ${report.features.length} features drifted, share ${formatNumber(dataset.driftedShare, 3)}; rows: reference ${dataset.rows.reference}, current ${dataset.rows.current})`,
    '',
    ...table(
      ['feature', 'kind', 'method', 'score', 'p-value', 'threshold', 'drifted', 'n'],
      report.features.map((f) => [f.name, f.kind, f.method ?? '—', formatNumber(f.score), formatNumber(f.pValue), formatNumber(f.threshold), f.drifted ? 'DRIFT' : 'ok', String(f.sampleSize)]),
    ),
    '',
  ];
  const failed = report.quality.filter((finding) => finding.failed);
  if (failed.length === 0) lines.push('Data quality: all checks passed');
  else {
    lines.push(`Data quality: ${failed.length} check(s) failed`);
    lines.push(...table(['feature', 'check', 'value', 'threshold'], failed.map((q) => [q.feature, q.check, formatNumber(q.value), formatNumber(q.threshold)])));
  }
  return `${lines.join('\n')}\n`;
}
