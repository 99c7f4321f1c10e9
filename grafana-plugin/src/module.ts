import { PanelPlugin } from '@grafana/data';
import type { DriftPanelOptions } from './types';
import { DriftPanel } from './components/DriftPanel';
import { addDriftPanelOptions } from './options';

export const plugin = new PanelPlugin<DriftPanelOptions>(DriftPanel).setPanelOptions(addDriftPanelOptions);
