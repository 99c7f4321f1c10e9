/**
 * An inline SVG bar chart of one feature's reference vs current distribution: two bars (share of
 * values) per reference bin or category, the "other" category last. No script, no external resource.
 */
import { totalCount, type FeatureDriftData } from '../drift/feature-drift-data.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-table.js';

const HEIGHT = 200;
const PLOT_TOP = 12;
const PLOT_HEIGHT = 120;
const LEFT = 44;
const RIGHT = 8;
const MIN_SLOT = 22;
const MAX_LABEL = 18;
const MAX_BAR = 40;

function shortLabel(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * The label of each bin: `< e0`, `[e0, e1)`, …, `≥ eN` for numeric features (numpy side='right'
 * edges), the category otherwise.
 *
 * @example binLabels({ kind: 'numeric', binEdges: [1, 2], referenceCounts: [1, 1, 1], currentCounts: [0, 0, 0] }) // ['< 1', '[1, 2)', '≥ 2']
 */
export function binLabels(data: FeatureDriftData): string[] {
  if (data.kind !== 'numeric') return [...data.categories];
  const edges = Array.from(data.binEdges, (edge) => formatNumber(edge, 3));
  if (edges.length === 0) return ['all values'];
  return [`< ${edges[0]}`, ...edges.slice(1).map((edge, i) => `[${edges[i]}, ${edge})`), `≥ ${edges[edges.length - 1]}`];
}

function shares(counts: ArrayLike<number>): number[] {
  const total = totalCount(counts);
  return Array.from(counts, (count) => (total > 0 ? count / total : 0));
}

/**
 * The SVG markup (class `distribution-chart`) for one feature; every label is escaped.
 *
 * @example distributionChart('age', data) // '<svg class="distribution-chart" …>…</svg>'
 */
export function distributionChart(feature: string, data: FeatureDriftData): string {
  const labels = binLabels(data);
  const reference = shares(data.referenceCounts);
  const current = shares(data.currentCounts);
  const bins = labels.length;
  const slot = Math.max(MIN_SLOT, Math.floor(960 / Math.max(1, bins)));
  const width = LEFT + bins * slot + RIGHT;
  const top = Math.max(0.01, ...reference, ...current);
  const y = (share: number): number => PLOT_TOP + PLOT_HEIGHT - (share / top) * PLOT_HEIGHT;
  const barWidth = Math.min(MAX_BAR, Math.max(3, Math.floor((slot - 6) / 2)));
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const at = y(top * tick);
    parts.push(`<line class="grid" x1="${LEFT}" x2="${width - RIGHT}" y1="${at.toFixed(1)}" y2="${at.toFixed(1)}"/>`);
    parts.push(`<text class="axis" x="${LEFT - 4}" y="${(at + 3).toFixed(1)}" text-anchor="end">${(top * tick * 100).toFixed(0)}%</text>`);
  }
  labels.forEach((label, bin) => {
    const x = LEFT + bin * slot + Math.floor((slot - 2 * barWidth) / 2);
    const ref = reference[bin] ?? 0;
    const cur = current[bin] ?? 0;
    const name = escapeHtml(label);
    parts.push(
      `<rect class="reference" x="${x}" y="${y(ref).toFixed(1)}" width="${barWidth}" height="${(PLOT_TOP + PLOT_HEIGHT - y(ref)).toFixed(1)}"><title>${name} — reference ${(ref * 100).toFixed(2)}%</title></rect>`,
      `<rect class="current" x="${x + barWidth}" y="${y(cur).toFixed(1)}" width="${barWidth}" height="${(PLOT_TOP + PLOT_HEIGHT - y(cur)).toFixed(1)}"><title>${name} — current ${(cur * 100).toFixed(2)}%</title></rect>`,
    );
    const labelX = x + barWidth;
    const labelY = PLOT_TOP + PLOT_HEIGHT + 10;
    parts.push(`<text class="bin" x="${labelX}" y="${labelY}" transform="rotate(-40 ${labelX} ${labelY})" text-anchor="end">${escapeHtml(shortLabel(label))}</text>`);
  });
  const title = escapeHtml(`${feature}: reference vs current share of values per ${data.kind === 'numeric' ? 'bin' : 'category'}`);
  return `<svg class="distribution-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}"><title>${title}</title>${parts.join('')}</svg>`;
}
