import React, { useMemo } from 'react';
import type { PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import type { DriftPanelOptions } from '../types';
import { resolveOptions } from '../resolve-options';
import { seriesFromFrames } from '../transforms/series';
import { buildView, type ViewModel } from '../build-view';
import { DistributionView } from './DistributionView';
import { DriftTableView } from './DriftTableView';
import { SegmentsView } from './SegmentsView';

/** The `modelwatch-drift-panel` panel: reads Prometheus frames and renders the view chosen in the options. */
export function DriftPanel({ data, options, width, height, id, fieldConfig, replaceVariables }: PanelProps<DriftPanelOptions>): React.JSX.Element {
  const resolved = useMemo(() => resolveOptions(options, replaceVariables ?? ((s: string) => s)), [options, replaceVariables]);
  const model = useMemo<ViewModel>(() => {
    try {
      return buildView(seriesFromFrames(data.series), resolved);
    } catch (error) {
      // The transforms are total; this only guards against frames no test imagined.
      return { view: 'error', message: `Could not read the data: ${error instanceof Error ? error.message : String(error)}` };
    }
  }, [data.series, resolved]);

  if (!data.series || data.series.length === 0) {
    return <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} needsNumberField />;
  }
  switch (model.view) {
    case 'distribution':
      return <DistributionView distribution={model.distribution} width={width} height={height} decimals={resolved.decimals} />;
    case 'table':
      return <DriftTableView table={model.table} width={width} height={height} decimals={resolved.decimals} showSparkline={resolved.showSparkline} />;
    case 'segments':
      return (
        <SegmentsView
          heatmap={model.heatmap}
          width={width}
          height={height}
          decimals={resolved.decimals}
          colorDirection={resolved.colorDirection}
          min={resolved.min}
          max={resolved.max}
          rowLabel={resolved.rowLabel}
        />
      );
    default:
      return <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} message={model.message} />;
  }
}
