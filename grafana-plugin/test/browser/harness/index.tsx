/**
 * Browser harness: renders the real DriftPanel with real PanelProps inside Grafana's theme, the way
 * Grafana mounts a panel. The page's query string picks the view (`distribution`, `categorical`,
 * `table`, `segments`, `empty`) and the theme (`light`, `dark`). Bundled by esbuild in the browser test.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, type DataFrame } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { DriftPanel } from '../../../src/components/DriftPanel';
import { panelProps } from '../../../src/__fixtures__/panel-props';
import {
  TABLE_IMPORTANCES,
  amountDistributionFrames,
  countryDistributionFrames,
  driftTableFrames,
  segmentFrames,
} from '../../../src/__fixtures__/frames';
import type { DriftPanelOptions } from '../../../src/types';

const SCENES: Record<string, { frames: () => DataFrame[]; options: DriftPanelOptions; variables?: Record<string, string> }> = {
  distribution: { frames: amountDistributionFrames, options: { view: 'distribution', feature: '$feature' }, variables: { feature: 'amount' } },
  categorical: {
    frames: countryDistributionFrames,
    options: { view: 'distribution', binLabels: 'DE,FR,US,GB,ES,IT,NL,PL', topK: 5 },
  },
  table: { frames: driftTableFrames, options: { view: 'table', importances: TABLE_IMPORTANCES } },
  segments: { frames: segmentFrames, options: { view: 'segments', colorDirection: 'higherIsBetter', decimals: 2 } },
  empty: { frames: () => [], options: { view: 'table' } },
};

// No-data and error states render @grafana/runtime's PanelDataErrorView; outside Grafana that is the
// package's own default view (Grafana core swaps in its styled one at start-up).
const params = new URLSearchParams(window.location.search);
const scene = SCENES[params.get('scene') ?? 'distribution'] ?? SCENES.distribution;
const theme = createTheme({ colors: { mode: params.get('theme') === 'dark' ? 'dark' : 'light' } });
const width = Number(params.get('width') ?? 900);
const height = Number(params.get('height') ?? 380);

function Harness(): React.JSX.Element {
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <div
        data-testid="panel-chrome"
        style={{ width, height, padding: 8, boxSizing: 'content-box', background: theme.colors.background.primary, border: `1px solid ${theme.colors.border.weak}` }}
      >
        {scene && <DriftPanel {...panelProps(scene.frames(), scene.options, { width, height }, scene.variables)} />}
      </div>
    </ThemeContext.Provider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(<Harness />);
}
