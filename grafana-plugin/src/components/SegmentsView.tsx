import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { Heatmap } from '../transforms/segment-pivot';
import { mixStops, scalePosition } from '../transforms/color-scale';
import { formatNumber } from '../format';
import type { ColorDirection } from '../types';

interface Props {
  heatmap: Heatmap;
  width: number;
  height: number;
  decimals: number;
  colorDirection: ColorDirection;
  min?: number;
  max?: number;
  /** What the rows are (shown in the corner), e.g. `ml_segment`. */
  rowLabel: string;
}

const ROW_HEADER_WIDTH = 170;
const COLUMN_HEADER_HEIGHT = 22;
const LEGEND_HEIGHT = 24;

/** A heatmap of one metric by segment (rows) × time or × a label (columns); the overflow row is marked. */
export function SegmentsView({ heatmap, width, height, decimals, colorDirection, min, max, rowLabel }: Props): React.JSX.Element {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const stops = [
    theme.visualization.getColorByName('green'),
    theme.visualization.getColorByName('yellow'),
    theme.visualization.getColorByName('red'),
  ];
  const lo = min ?? heatmap.min;
  const hi = max ?? heatmap.max;
  const columnCount = Math.max(1, heatmap.columns.length);
  const cellWidth = Math.max(4, (width - ROW_HEADER_WIDTH - 8) / columnCount);
  const cellHeight = Math.max(14, Math.min(40, (height - COLUMN_HEADER_HEIGHT - LEGEND_HEIGHT - 8) / Math.max(1, heatmap.rows.length)));
  const showValues = cellWidth >= 40 && cellHeight >= 16;
  const labelEvery = Math.max(1, Math.ceil(48 / cellWidth));
  const colorOf = (v: number): string => mixStops(stops, scalePosition(v, lo, hi, colorDirection));

  return (
    <div className={styles.wrapper} style={{ width, height }} data-testid="segments-view">
      <div className={styles.grid} style={{ gridTemplateColumns: `${ROW_HEADER_WIDTH}px repeat(${columnCount}, ${cellWidth}px)` }}>
        <div className={cx(styles.corner, styles.muted)}>{rowLabel}</div>
        {heatmap.columns.map((column, c) => (
          <div key={column.key} className={cx(styles.columnHeader, styles.muted)} data-testid="segments-column" title={column.label}>
            {c % labelEvery === 0 ? column.label : ''}
          </div>
        ))}
        {heatmap.rows.map((row, r) => (
          <React.Fragment key={row.key}>
            <div
              className={cx(styles.rowHeader, row.overflow && styles.overflowHeader)}
              style={{ height: cellHeight }}
              data-testid={row.overflow ? 'segments-row-overflow' : 'segments-row'}
              data-row={row.key}
              title={row.overflow ? 'segments past the monitor’s segment cap are folded into __overflow__' : row.label}
            >
              {row.label}
            </div>
            {heatmap.columns.map((column, c) => {
              const value = heatmap.cells[r]?.[c] ?? null;
              const background = value === null ? 'transparent' : colorOf(value);
              return (
                <div
                  key={column.key}
                  data-testid="segments-cell"
                  data-row={row.key}
                  data-column={column.key}
                  data-value={value ?? ''}
                  className={cx(styles.cell, value === null && styles.emptyCell, row.overflow && styles.overflowCell)}
                  style={{ height: cellHeight, background, color: value === null ? undefined : theme.colors.getContrastText(background) }}
                  title={`${row.label} · ${column.label}: ${value === null ? 'no data' : formatNumber(value, decimals)}`}
                >
                  {showValues && value !== null ? formatNumber(value, Math.min(decimals, 2)) : ''}
                </div>
              );
            })}
          </React.Fragment>
        ))}
      </div>
      <div className={styles.legend} data-testid="segments-legend">
        <span>{formatNumber(lo, decimals)}</span>
        <span
          className={styles.ramp}
          style={{ background: `linear-gradient(to right, ${(colorDirection === 'higherIsWorse' ? stops : [...stops].reverse()).join(', ')})` }}
        />
        <span>{formatNumber(hi, decimals)}</span>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ overflow: 'auto', fontFamily: theme.typography.fontFamily, fontSize: theme.typography.bodySmall.fontSize }),
  grid: css({ display: 'grid', gap: 1, alignItems: 'stretch' }),
  corner: css({ height: COLUMN_HEADER_HEIGHT, padding: theme.spacing(0, 1), fontStyle: 'italic' }),
  columnHeader: css({ height: COLUMN_HEADER_HEIGHT, overflow: 'visible', whiteSpace: 'nowrap', fontSize: 10 }),
  rowHeader: css({
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: theme.colors.text.primary,
  }),
  overflowHeader: css({ fontStyle: 'italic', color: theme.colors.warning.text, borderLeft: `3px solid ${theme.colors.warning.main}` }),
  cell: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', borderRadius: 2, fontSize: 10, overflow: 'hidden' }),
  emptyCell: css({ border: `1px dashed ${theme.colors.border.weak}` }),
  overflowCell: css({ outline: `1px solid ${theme.colors.warning.border}`, outlineOffset: -1 }),
  muted: css({ color: theme.colors.text.secondary }),
  legend: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), height: LEGEND_HEIGHT, paddingLeft: ROW_HEADER_WIDTH, color: theme.colors.text.secondary }),
  ramp: css({ display: 'inline-block', width: 160, height: 10, borderRadius: 2 }),
});
