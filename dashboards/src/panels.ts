/**
 * Panel factories with the house style: the modelwatch datasource on the panel and on every query,
 * legends as tables on the bottom, thresholds as coloured guides. Each factory takes a `PanelSpec`
 * (what to show) and returns a foundation-SDK builder (how Grafana draws it).
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  PanelBuilder as GenericPanelBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  MappingType,
  type DynamicConfigValue,
  type Threshold,
  type ValueMapping,
  type Panel,
  type ThresholdsConfig,
} from '@grafana/grafana-foundation-sdk/dashboard';
import {
  BigValueColorMode,
  BigValueGraphMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
  BarGaugeDisplayMode,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as StateTimelinePanelBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import { PanelBuilder as HeatmapPanelBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import { DATASOURCE, DRIFT_PANEL_TYPE } from './config.js';

/** One PromQL query of a panel. */
export interface QuerySpec {
  readonly expr: string;
  /** Legend template, e.g. `{{ml_feature_name}}`. */
  readonly legend?: string;
  /** Query id; defaults to A, B, C… in order. Panels that read frames by name (our plugin) set it. */
  readonly refId?: string;
  /** Instant query (tables, stats of the current value); default range. */
  readonly instant?: boolean;
  readonly format?: 'time_series' | 'table' | 'heatmap';
  /** `band`: an edge of an uncertainty band (e.g. ±2 sampling errors), drawn thin, dashed and unfilled. */
  readonly style?: 'band';
}

/** What every panel has. */
export interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly queries: readonly QuerySpec[];
  /** Grid width (of 24) and height; defaults 12 × 8. */
  readonly width?: number;
  readonly height?: number;
  /** Grafana unit id, e.g. `percentunit`, `s`, `ops`. */
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  /** Colour steps: the first applies from −∞, each next one from its value. */
  readonly thresholds?: readonly ThresholdStep[];
}

/** A colour from a value on (`value` undefined = from −∞). */
export interface ThresholdStep {
  readonly color: string;
  readonly value?: number;
}

/** Green below `warning`, orange from it, red from `critical`. */
export function rising(warning: number, critical: number): ThresholdStep[] {
  return [{ color: 'green' }, { color: 'orange', value: warning }, { color: 'red', value: critical }];
}

/** Red below `low`, green inside [low, high), red from `high`: a tolerance band. */
export function band(low: number, high: number): ThresholdStep[] {
  return [{ color: 'red' }, { color: 'green', value: low }, { color: 'red', value: high }];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The refId of a panel's `index`-th query: its own, else A, B, C… */
export function refIdOf(spec: QuerySpec, index: number): string {
  return spec.refId ?? LETTERS[index] ?? `Q${index}`;
}

/** The Prometheus query builder for one `QuerySpec`. */
export function promQuery(spec: QuerySpec, index: number): DataqueryBuilder {
  const query = new DataqueryBuilder()
    .datasource(DATASOURCE)
    .expr(spec.expr)
    .refId(refIdOf(spec, index))
    .legendFormat(spec.legend ?? '__auto');
  if (spec.instant === true) query.instant();
  else query.range();
  if (spec.format === 'table') query.format(PromQueryFormat.Table);
  if (spec.format === 'heatmap') query.format(PromQueryFormat.Heatmap);
  return query;
}

function thresholdsOf(steps: readonly ThresholdStep[]): ThresholdsConfigBuilder {
  const converted: Threshold[] = steps.map((step) => ({ color: step.color, value: step.value ?? null }));
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(converted);
}

/** The setters every SDK panel builder shares (structural, so one function serves them all). */
interface CommonPanelSetters<T> {
  title(title: string): T;
  description(description: string): T;
  datasource(datasource: { type: string; uid: string }): T;
  withTarget(target: cog.Builder<cog.Dataquery>): T;
  span(width: number): T;
  height(height: number): T;
  unit(unit: string): T;
  min(min: number): T;
  max(max: number): T;
  decimals(decimals: number): T;
  thresholds(thresholds: cog.Builder<ThresholdsConfig>): T;
}

function applyCommon<T extends CommonPanelSetters<T>>(builder: T, spec: PanelSpec): T {
  builder.title(spec.title).description(spec.description).datasource(DATASOURCE).span(spec.width ?? 12).height(spec.height ?? 8);
  spec.queries.forEach((query, index) => builder.withTarget(promQuery(query, index)));
  if (spec.unit !== undefined) builder.unit(spec.unit);
  if (spec.min !== undefined) builder.min(spec.min);
  if (spec.max !== undefined) builder.max(spec.max);
  if (spec.decimals !== undefined) builder.decimals(spec.decimals);
  if (spec.thresholds !== undefined) builder.thresholds(thresholdsOf(spec.thresholds));
  return builder;
}

function tableLegend(): VizLegendOptionsBuilder {
  return new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.Table).placement(LegendPlacement.Bottom).calcs(['lastNotNull', 'max']);
}

/** Field overrides of a band edge: thin dashed line, no fill (Grafana's `byFrameRefID` matcher). */
const BAND_EDGE: DynamicConfigValue[] = [
  { id: 'custom.lineStyle', value: { fill: 'dash', dash: [4, 4] } },
  { id: 'custom.fillOpacity', value: 0 },
  { id: 'custom.lineWidth', value: 1 },
];

/**
 * A time series; thresholds (if any) are drawn as dashed lines, or as areas with `thresholdStyle: 'area'`.
 * Queries with `style: 'band'` are drawn as band edges (dashed, unfilled).
 */
export function timeseries(spec: PanelSpec & { readonly thresholdStyle?: 'dashed' | 'area' }): TimeseriesPanelBuilder {
  const builder = applyCommon(new TimeseriesPanelBuilder(), spec).legend(tableLegend()).lineWidth(1).fillOpacity(10);
  if (spec.thresholds !== undefined) {
    const mode = spec.thresholdStyle === 'area' ? GraphThresholdsStyleMode.LineAndArea : GraphThresholdsStyleMode.Dashed;
    builder.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(mode));
  }
  spec.queries.forEach((query, index) => {
    if (query.style === 'band') builder.overrideByQuery(refIdOf(query, index), BAND_EDGE.map((property) => ({ ...property })));
  });
  return builder;
}

/** One big number (the last value), coloured by the thresholds, with a sparkline. */
export function stat(spec: PanelSpec): StatPanelBuilder {
  return applyCommon(new StatPanelBuilder(), { width: 4, height: 4, ...spec })
    .graphMode(BigValueGraphMode.Area)
    .colorMode(BigValueColorMode.Value)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
}

/** Horizontal bars, one per series (current value), coloured by the thresholds. */
export function barGauge(spec: PanelSpec): BarGaugePanelBuilder {
  return applyCommon(new BarGaugePanelBuilder(), spec)
    .displayMode(BarGaugeDisplayMode.Gradient)
    .orientation(VizOrientation.Horizontal)
    .showUnfilled(true)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
}

/** A table of instant results (queries should be `instant` with `format: 'table'`). */
export function table(spec: PanelSpec): TablePanelBuilder {
  return applyCommon(new TablePanelBuilder(), spec).showHeader(true).filterable(true);
}

/** States over time (e.g. drift verdicts, detector states) with text for each value. */
export function stateTimeline(spec: PanelSpec & { readonly states: Readonly<Record<number, { text: string; color: string }>> }): StateTimelinePanelBuilder {
  const options: Record<string, { text: string; color: string; index: number }> = {};
  Object.entries(spec.states).forEach(([value, state], index) => {
    options[value] = { ...state, index };
  });
  const mapping: ValueMapping = { type: MappingType.ValueToText, options };
  return applyCommon(new StateTimelinePanelBuilder(), spec).mappings([mapping]).mergeValues(true).fillOpacity(80);
}

/** A heatmap of Prometheus histogram buckets (the query should be `format: 'heatmap'` over `le`). */
export function bucketHeatmap(spec: PanelSpec): HeatmapPanelBuilder {
  return applyCommon(new HeatmapPanelBuilder(), spec).calculate(false).showLegend();
}

/**
 * Options of the modelwatch panel plugin (`grafana-plugin/src/types.ts` owns the full type; the keys
 * named here are the ones the dashboards set).
 */
export interface DriftPanelOptions {
  readonly view: 'table' | 'distribution' | 'segments';
  readonly model?: string;
  readonly feature?: string;
  /** segments: label giving the rows (`ml_segment`) and the columns (`time` or a label). */
  readonly rowLabel?: string;
  readonly segmentColumns?: 'time' | 'label';
  readonly maxTimeColumns?: number;
  readonly colorDirection?: 'higherIsBetter' | 'higherIsWorse';
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  readonly [option: string]: unknown;
}

/** The modelwatch panel plugin (`modelwatch-drift-panel`) with its view and options. */
export function driftPanel(spec: PanelSpec & { readonly options: DriftPanelOptions; readonly repeat?: string }): GenericPanelBuilder {
  const builder = applyCommon(new GenericPanelBuilder().type(DRIFT_PANEL_TYPE), spec).options({ ...spec.options });
  if (spec.repeat !== undefined) builder.repeat(spec.repeat).repeatDirection('h').maxPerRow(3);
  return builder;
}

/** Type of what the factories build, for code that walks a dashboard. */
export type BuiltPanel = Panel;
