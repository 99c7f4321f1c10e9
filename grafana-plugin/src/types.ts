/**
 * Options of the `modelwatch-drift-panel` panel. Dashboards reference the panel by id and set these
 * keys under `options`; every key is optional in saved JSON (defaults in `DEFAULT_OPTIONS`).
 *
 * @example
 * // a dashboard panel
 * { type: 'modelwatch-drift-panel', options: { view: 'distribution', feature: '$feature' } }
 */
export interface DriftPanelOptions {
  /** Which view the panel shows. */
  view: PanelView;
  /** Feature (`ml_feature_name`) shown by the distribution view; dashboard variables allowed. Empty: the first feature found. */
  feature?: string;
  /** Model (`ml_model_name`) the views keep; dashboard variables allowed. Empty: every model in the data. */
  model?: string;

  // ── distribution view ────────────────────────────────────────────────────────────────
  /** How the current distribution is read from its series (see `CurrentMode`). */
  currentMode?: CurrentMode;
  /** refId of the query giving the current per-bin counts when its series carry no `__name__` (e.g. `increase(...[$__range])`). */
  currentRefId?: string;
  /** refId of the query giving `ml_feature_bin_reference_fraction` when its series carry no `__name__`. */
  referenceRefId?: string;
  /** Numeric bins (labelled by index or `le`) or categories (last index = "other"); `auto` guesses from the labels. */
  featureKind?: FeatureKind;
  /** Optional bin labels, comma separated, in bin-index order (for categories: the profile's categories). */
  binLabels?: string;
  /** Categorical features: keep the k largest categories and fold the rest into "other" (0 = keep all). */
  topK?: number;

  // ── drift table ───────────────────────────────────────────────────────────────────────
  /** Row order of the drift table. */
  sortBy?: TableSort;
  /** Feature importances as `name=value` pairs, comma separated (e.g. `amount=0.4, country=0.1`). */
  importances?: string;
  /** refId of an optional query whose series (label `ml_feature_name`) carry importances; wins over `importances`. */
  importanceRefId?: string;
  /** Intensity (1 = at the threshold) from which a feature that has not drifted is shown as a warning. */
  warningRatio?: number;
  /** Show a sparkline of each feature's drift score over the dashboard range. */
  showSparkline?: boolean;

  // ── segments heatmap ──────────────────────────────────────────────────────────────────
  /** Columns of the heatmap: time buckets, or the values of a label (default `ml_feature_name`). */
  segmentColumns?: SegmentColumns;
  /** Label giving the columns when `segmentColumns` is `label`. */
  columnLabel?: string;
  /** Label giving the rows (default `ml_segment`; `ml_fairness_group` works too). */
  rowLabel?: string;
  /** Most time columns; older samples are merged into wider buckets past this. */
  maxTimeColumns?: number;
  /** Colour direction: `higherIsBetter` (accuracy, coverage) or `higherIsWorse` (drift share, error). */
  colorDirection?: ColorDirection;
  /** Fixed colour-scale minimum; empty: the data's minimum. */
  min?: number;
  /** Fixed colour-scale maximum; empty: the data's maximum. */
  max?: number;
  /** Decimals shown in cells and headers. */
  decimals?: number;
}

export type PanelView = 'distribution' | 'table' | 'segments';
/**
 * `auto`: raw counter series (`__name__` = `ml_feature_bin_observations_total`, e.g. a range query of the
 * counter) are differenced first → last sample with counter resets handled; any other series (e.g.
 * `increase(...[$__range])`) gives its last sample. `counter` and `increase` force one reading.
 */
export type CurrentMode = 'auto' | 'counter' | 'increase';
export type FeatureKind = 'auto' | 'numeric' | 'categorical';
export type TableSort = 'importanceTimesDrift' | 'score' | 'name';
export type SegmentColumns = 'time' | 'label';
export type ColorDirection = 'higherIsBetter' | 'higherIsWorse';

/** The defaults the options editor starts from and the panel assumes for missing keys. */
export const DEFAULT_OPTIONS: Readonly<Required<Omit<DriftPanelOptions, 'min' | 'max'>>> = {
  view: 'distribution',
  feature: '',
  model: '',
  currentMode: 'auto',
  currentRefId: 'A',
  referenceRefId: 'B',
  featureKind: 'auto',
  binLabels: '',
  topK: 10,
  sortBy: 'importanceTimesDrift',
  importances: '',
  importanceRefId: '',
  warningRatio: 0.8,
  showSparkline: true,
  segmentColumns: 'time',
  columnLabel: 'ml_feature_name',
  rowLabel: 'ml_segment',
  maxTimeColumns: 48,
  colorDirection: 'higherIsWorse',
  decimals: 3,
};

/** Options with every defaulted key filled in. */
export type ResolvedOptions = Required<Omit<DriftPanelOptions, 'min' | 'max'>> & Pick<DriftPanelOptions, 'min' | 'max'>;
