import { EventBusSrv, LoadingState, getDefaultTimeRange, type DataFrame, type PanelProps } from '@grafana/data';
import type { DriftPanelOptions } from '../types';

/** Real `PanelProps` as Grafana hands them to a panel, around the given frames and options. */
export function panelProps(
  frames: DataFrame[],
  options: DriftPanelOptions,
  size: { width: number; height: number } = { width: 800, height: 360 },
  variables: Record<string, string> = {},
): PanelProps<DriftPanelOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    title: 'modelwatch',
    data: { state: LoadingState.Done, series: frames, timeRange },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: size.width,
    height: size.height,
    renderCounter: 0,
    eventBus: new EventBusSrv(),
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    onChangeTimeRange: () => undefined,
    replaceVariables: (text: string) => text.replace(/\$(\w+)|\$\{(\w+)\}/g, (m, a: string | undefined, b: string | undefined) => variables[a ?? b ?? ''] ?? m),
  };
}
