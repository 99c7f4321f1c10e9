import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { Distribution } from '../transforms/distribution';
import { formatCount, formatNumber, formatPercent } from '../format';
import { StatItem } from './StatItem';

interface Props {
  distribution: Distribution;
  width: number;
  height: number;
  decimals: number;
}

const MARGIN = { top: 8, right: 8, bottom: 44, left: 44 };
const HEADER_HEIGHT = 52;

/** Reference vs current distribution of one feature as overlaid bars, with the drift verdict above. */
export function DistributionView({ distribution, width, height, decimals }: Props): React.JSX.Element {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { bins, header } = distribution;
  const referenceColor = theme.visualization.getColorByName('blue');
  const currentColor = theme.visualization.getColorByName('orange');
  const chartHeight = Math.max(60, height - HEADER_HEIGHT);
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(10, chartHeight - MARGIN.top - MARGIN.bottom);
  const { top, ticks } = percentTicks(Math.max(0, ...bins.map((b) => Math.max(b.reference, b.current))));
  const slot = bins.length > 0 ? plotWidth / bins.length : plotWidth;
  const y = (v: number): number => MARGIN.top + plotHeight - (top > 0 ? (v / top) * plotHeight : 0);
  const labelEvery = Math.max(1, Math.ceil(bins.length / Math.max(1, Math.floor(plotWidth / 56))));
  const detectedText = header.detected === undefined ? 'no verdict' : header.detected ? 'drift' : 'no drift';
  const detectedColor =
    header.detected === undefined
      ? theme.colors.text.secondary
      : theme.visualization.getColorByName(header.detected ? 'red' : 'green');

  return (
    <div className={styles.wrapper} data-testid="distribution-view" data-feature={distribution.feature}>
      <div className={styles.header} style={{ height: HEADER_HEIGHT }}>
        <StatItem
          testId="distribution-header-feature"
          label={distribution.features.length > 1 ? `feature (1 of ${distribution.features.length})` : 'feature'}
          value={distribution.feature || '(all)'}
        />
        <StatItem testId="distribution-header-verdict" label="verdict" value={detectedText} color={detectedColor} />
        <StatItem testId="distribution-header-score" label="drift score" value={formatNumber(header.score, decimals)} />
        <StatItem testId="distribution-header-method" label="method" value={header.method ?? '–'} />
        <StatItem testId="distribution-header-threshold" label="threshold" value={formatNumber(header.threshold, decimals)} />
        {header.pValue !== undefined && (
          <StatItem testId="distribution-header-pvalue" label="p-value" value={formatNumber(header.pValue, decimals)} />
        )}
        <StatItem testId="distribution-header-samples" label="window samples" value={formatCount(header.windowSamples)} />
        <StatItem testId="distribution-header-count" label="current (range)" value={formatCount(header.currentCount)} />
        <div className={styles.legend}>
          <span className={styles.swatch} style={{ background: referenceColor, opacity: 0.45 }} /> reference
          <span className={styles.swatch} style={{ background: currentColor }} /> current
        </div>
      </div>
      <svg width={width} height={chartHeight} role="img" aria-label={`distribution of ${distribution.feature}`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={theme.colors.border.weak} />
            <text x={MARGIN.left - 4} y={y(tick)} textAnchor="end" dominantBaseline="middle" className={styles.tick}>
              {`${Math.round(tick * 1000) / 10}%`}
            </text>
          </g>
        ))}
        {bins.map((bin, i) => {
          const x = MARGIN.left + i * slot;
          const refWidth = slot * 0.8;
          const curWidth = slot * 0.5;
          return (
            <g key={i} data-testid="distribution-bin" data-bin={i}>
              <rect
                data-testid="distribution-bar-reference"
                data-value={bin.reference}
                x={x + (slot - refWidth) / 2}
                y={y(bin.reference)}
                width={refWidth}
                height={Math.max(0, y(0) - y(bin.reference))}
                fill={referenceColor}
                fillOpacity={0.35}
                stroke={referenceColor}
              >
                <title>{`${bin.label} reference: ${formatPercent(bin.reference)}`}</title>
              </rect>
              <rect
                data-testid="distribution-bar-current"
                data-value={bin.current}
                x={x + (slot - curWidth) / 2}
                y={y(bin.current)}
                width={curWidth}
                height={Math.max(0, y(0) - y(bin.current))}
                fill={currentColor}
                fillOpacity={0.85}
              >
                <title>{`${bin.label} current: ${formatPercent(bin.current)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text
                  data-testid="distribution-bin-label"
                  x={x + slot / 2}
                  y={MARGIN.top + plotHeight + 14}
                  textAnchor="middle"
                  className={bin.other ? styles.otherLabel : styles.tick}
                >
                  {truncate(bin.label, Math.max(4, Math.floor((slot * labelEvery) / 7)))}
                </text>
              )}
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(0)} y2={y(0)} stroke={theme.colors.border.strong} />
      </svg>
      {distribution.notes.length > 0 && (
        <div className={styles.notes} data-testid="distribution-notes">
          {distribution.notes.join(' · ')}
        </div>
      )}
    </div>
  );
}

/** A y-axis top and round percentage ticks (at most 6) covering the largest fraction. */
function percentTicks(largest: number): { top: number; ticks: number[] } {
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];
  const wanted = largest > 0 ? Math.min(1, largest * 1.05) : 1;
  const step = steps.find((s) => wanted / s <= 5) ?? 0.25;
  const top = Math.min(1, Math.ceil(wanted / step - 1e-9) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { top, ticks };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ position: 'relative', overflow: 'hidden', fontFamily: theme.typography.fontFamily }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'nowrap',
    overflowX: 'auto',
    padding: theme.spacing(0, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  legend: css({
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
  swatch: css({ display: 'inline-block', width: 10, height: 10, borderRadius: 2, marginLeft: theme.spacing(1) }),
  tick: css({ fill: theme.colors.text.secondary, fontSize: 11 }),
  otherLabel: css({ fill: theme.colors.text.secondary, fontSize: 11, fontStyle: 'italic' }),
  notes: css({
    position: 'absolute',
    bottom: 0,
    left: theme.spacing(1),
    color: theme.colors.warning.text,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
