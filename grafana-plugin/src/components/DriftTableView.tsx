import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { DriftTable } from '../transforms/drift-table';
import type { Severity } from '../transforms/severity';
import { formatNumber } from '../format';
import { Sparkline } from './Sparkline';

interface Props {
  table: DriftTable;
  width: number;
  height: number;
  decimals: number;
  showSparkline: boolean;
}

const SEVERITY_TEXT: Record<Severity, string> = { drift: 'drift', warning: 'warning', ok: 'ok', unknown: 'no data' };

/** Every feature of a model: score, p-value, threshold, state by severity, importance and a score sparkline. */
export function DriftTableView({ table, width, height, decimals, showSparkline }: Props): React.JSX.Element {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const severityColor = (s: Severity): string =>
    s === 'unknown' ? theme.colors.text.disabled : theme.visualization.getColorByName(s === 'drift' ? 'red' : s === 'warning' ? 'orange' : 'green');
  const sparkWidth = Math.max(60, Math.min(160, Math.floor(width * 0.18)));
  return (
    <div className={styles.wrapper} style={{ width, height }} data-testid="drift-table-view">
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Feature</th>
            {table.multipleVersions && <th>Version</th>}
            <th>Method</th>
            <th className={styles.num}>Score</th>
            {table.hasPValues && <th className={styles.num}>p-value</th>}
            <th className={styles.num}>Threshold</th>
            <th>State</th>
            {table.hasImportances && <th className={styles.num}>Importance</th>}
            {showSparkline && <th>Score over range</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => {
            const color = severityColor(row.severity);
            return (
              <tr
                key={`${row.kind}/${row.model}/${row.version}/${row.feature}`}
                data-testid="drift-table-row"
                data-feature={row.feature}
                data-severity={row.severity}
                className={styles.row}
                style={{ boxShadow: `inset 3px 0 0 ${color}` }}
              >
                <td className={styles.name}>
                  {row.feature}
                  {row.kind === 'prediction' && <span className={styles.tag}>prediction</span>}
                </td>
                {table.multipleVersions && <td>{row.version}</td>}
                <td className={styles.muted}>{row.method || '–'}</td>
                <td className={styles.num} data-testid="drift-table-score">
                  {formatNumber(row.score, decimals)}
                </td>
                {table.hasPValues && (
                  <td className={styles.num} data-testid="drift-table-pvalue">
                    {formatNumber(row.pValue, decimals)}
                  </td>
                )}
                <td className={styles.num}>{formatNumber(row.threshold, decimals)}</td>
                <td>
                  <span data-testid="drift-table-state" className={styles.badge} style={{ background: color, color: theme.colors.getContrastText(color) }}>
                    {SEVERITY_TEXT[row.severity]}
                  </span>
                </td>
                {table.hasImportances && (
                  <td className={styles.num} data-testid="drift-table-importance">
                    {formatNumber(row.importance, decimals)}
                  </td>
                )}
                {showSparkline && (
                  <td>
                    <Sparkline
                      values={row.history.values}
                      width={sparkWidth}
                      height={20}
                      color={color}
                      reference={row.pValue === undefined ? row.threshold : undefined}
                      referenceColor={theme.colors.text.disabled}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.notes.length > 0 && (
        <div className={cx(styles.muted, styles.notes)} data-testid="drift-table-notes">
          {table.notes.join(' · ')}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ overflow: 'auto', fontFamily: theme.typography.fontFamily }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    th: {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.primary,
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.medium}`,
    },
    td: { padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}`, verticalAlign: 'middle' },
  }),
  row: css({ '&:hover': { background: theme.colors.action.hover } }),
  name: css({ fontWeight: theme.typography.fontWeightMedium, color: theme.colors.text.primary }),
  num: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
  muted: css({ color: theme.colors.text.secondary }),
  badge: css({ display: 'inline-block', padding: theme.spacing(0, 1), borderRadius: theme.shape.radius.default, fontWeight: theme.typography.fontWeightMedium }),
  tag: css({ marginLeft: theme.spacing(1), color: theme.colors.text.secondary, fontSize: 10, textTransform: 'uppercase' }),
  notes: css({ padding: theme.spacing(0.5, 1) }),
});
