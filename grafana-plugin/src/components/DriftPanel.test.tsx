import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { createTheme, toDataFrame, FieldType } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { DriftPanel } from './DriftPanel';
import { panelProps } from '../__fixtures__/panel-props';
import {
  AMOUNT_REFERENCE,
  SEGMENTS,
  TABLE_FEATURES,
  TABLE_IMPORTANCES,
  amountDistributionFrames,
  countryDistributionFrames,
  driftTableFrames,
  segmentFrames,
} from '../__fixtures__/frames';
import type { DriftPanelOptions } from '../types';
import type { DataFrame } from '@grafana/data';

function renderPanel(frames: DataFrame[], options: DriftPanelOptions, mode: 'light' | 'dark' = 'light', variables: Record<string, string> = {}) {
  const theme = createTheme({ colors: { mode } });
  return render(
    <ThemeContext.Provider value={theme}>
      <DriftPanel {...panelProps(frames, options, { width: 800, height: 360 }, variables)} />
    </ThemeContext.Provider>,
  );
}

describe('distribution view', () => {
  it('draws a reference and a current bar per bin and the verdict in the header', () => {
    renderPanel(amountDistributionFrames(), { view: 'distribution', feature: '$feature' }, 'light', { feature: 'amount' });
    expect(screen.getAllByTestId('distribution-bar-reference')).toHaveLength(AMOUNT_REFERENCE.length);
    expect(screen.getAllByTestId('distribution-bar-current')).toHaveLength(AMOUNT_REFERENCE.length);
    expect(screen.getByTestId('distribution-header-feature')).toHaveTextContent('amount');
    expect(screen.getByTestId('distribution-header-score')).toHaveTextContent('0.417');
    expect(screen.getByTestId('distribution-header-method')).toHaveTextContent('psi');
    expect(screen.getByTestId('distribution-header-threshold')).toHaveTextContent('0.200');
    expect(screen.getByTestId('distribution-header-samples')).toHaveTextContent('5,400');
    expect(screen.getByTestId('distribution-header-verdict')).toHaveTextContent('drift');
    expect(screen.queryByTestId('distribution-header-pvalue')).toBeNull();
    const heights = screen.getAllByTestId('distribution-bar-reference').map((r) => Number(r.getAttribute('height')));
    // the tallest reference bar is the largest reference fraction
    expect(heights.indexOf(Math.max(...heights))).toBe(AMOUNT_REFERENCE.indexOf(Math.max(...AMOUNT_REFERENCE)));
  });

  it('labels categories from the options and ends with other; shows the p-value', () => {
    renderPanel(countryDistributionFrames(), { view: 'distribution', binLabels: 'DE,FR,US', topK: 0 });
    const labels = screen.getAllByTestId('distribution-bin-label').map((e) => e.textContent);
    expect(labels.slice(0, 4)).toEqual(['DE', 'FR', 'US', 'category 3']);
    expect(labels.at(-1)).toBe('other');
    expect(screen.getByTestId('distribution-header-pvalue')).toHaveTextContent('3.20e-9');
  });

  it('takes the first feature when none is chosen and says how many there are', () => {
    renderPanel([...countryDistributionFrames(), ...amountDistributionFrames()], { view: 'distribution' });
    expect(screen.getByTestId('distribution-header-feature')).toHaveTextContent('amount');
    expect(screen.getByText('feature (1 of 2)')).toBeInTheDocument();
  });

  it("shows Grafana's data-error view with a reason when the feature has no bins", () => {
    renderPanel(amountDistributionFrames(), { view: 'distribution', feature: 'zip' });
    expect(screen.queryByTestId('distribution-view')).toBeNull();
    expect(screen.getByText(/No bin series for feature "zip"/)).toBeInTheDocument();
  });
});

describe('drift table view', () => {
  it('has a row per feature in importance × drift order with state, p-value, importance and sparkline', () => {
    renderPanel(driftTableFrames(), { view: 'table', importances: TABLE_IMPORTANCES });
    const rows = screen.getAllByTestId('drift-table-row');
    expect(rows).toHaveLength(TABLE_FEATURES.length);
    const amount = rows.find((r) => r.getAttribute('data-feature') === 'amount');
    expect(amount).toBeDefined();
    const cells = within(amount as HTMLElement);
    expect(cells.getByTestId('drift-table-score')).toHaveTextContent('0.420');
    expect(cells.getByTestId('drift-table-state')).toHaveTextContent('drift');
    expect(cells.getByTestId('drift-table-importance')).toHaveTextContent('0.350');
    expect(cells.getByTestId('sparkline').getAttribute('data-points')).toBe('5');
    const country = within(rows.find((r) => r.getAttribute('data-feature') === 'country') as HTMLElement);
    expect(country.getByTestId('drift-table-pvalue')).toHaveTextContent('3.20e-9');
    expect(rows.map((r) => r.getAttribute('data-severity'))).toContain('warning');
  });

  it('hides the sparkline column when switched off', () => {
    renderPanel(driftTableFrames(), { view: 'table', showSparkline: false });
    expect(screen.queryAllByTestId('sparkline')).toHaveLength(0);
  });
});

describe('segments view', () => {
  it('draws a cell per segment × time and labels the overflow row', () => {
    renderPanel(segmentFrames(), { view: 'segments', colorDirection: 'higherIsBetter' }, 'dark');
    expect(screen.getAllByTestId('segments-row')).toHaveLength(SEGMENTS.length - 1);
    expect(screen.getByTestId('segments-row-overflow')).toHaveTextContent('__overflow__');
    expect(screen.getAllByTestId('segments-cell')).toHaveLength(SEGMENTS.length * 12);
    expect(screen.getAllByTestId('segments-column')).toHaveLength(12);
  });
});

describe('no data and malformed data', () => {
  it("renders Grafana's no-data view for no frames", () => {
    const { container } = renderPanel([], { view: 'table' });
    expect(screen.queryByTestId('drift-table-view')).toBeNull();
    expect(container.textContent).toContain('Unable to render data');
  });

  it('explains instead of crashing on frames without numbers or labels', () => {
    const frames = [toDataFrame({ fields: [{ name: 'text', type: FieldType.string, values: ['a'] }] }), toDataFrame({ fields: [] })];
    for (const view of ['distribution', 'table', 'segments'] as const) {
      const { container, unmount } = renderPanel(frames, { view });
      expect(container.textContent).toContain('No series in the query results');
      unmount();
    }
  });
});
