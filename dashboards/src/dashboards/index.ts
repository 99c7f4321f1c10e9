import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dataQuality } from './data-quality.js';
import { fairness } from './fairness.js';
import { featureDrift } from './feature-drift.js';
import { modelOverview } from './model-overview.js';
import { monitorHealth } from './monitor-health.js';
import { performanceSegments } from './performance-segments.js';

/** Every provisioned dashboard, in the order of the docs. */
export const DASHBOARDS: ReadonlyArray<() => DashboardBuilder> = [modelOverview, featureDrift, performanceSegments, dataQuality, fairness, monitorHealth];
