import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

interface Props {
  label: string;
  value: string;
  testId: string;
  color?: string;
}

/** A small "label over value" item of a view's header. */
export function StatItem({ label, value, testId, color }: Props): React.JSX.Element {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.item}>
      <div className={styles.label}>{label}</div>
      <div className={styles.value} data-testid={testId} style={color ? { color } : undefined}>
        {value}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  item: css({ display: 'flex', flexDirection: 'column', minWidth: 0, whiteSpace: 'nowrap' }),
  label: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  value: css({ fontSize: theme.typography.h5.fontSize, fontWeight: theme.typography.fontWeightMedium }),
});
