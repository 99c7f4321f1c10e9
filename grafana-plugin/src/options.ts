import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { DEFAULT_OPTIONS, type DriftPanelOptions, type PanelView } from './types';

type Builder = PanelOptionsEditorBuilder<DriftPanelOptions>;
const isView = (view: PanelView) => (config: DriftPanelOptions) => (config.view ?? DEFAULT_OPTIONS.view) === view;

/** The options editor: a view switch, then each view's options in its own category. */
export function addDriftPanelOptions(builder: Builder): Builder {
  return builder
    .addRadio({
      path: 'view',
      name: 'View',
      defaultValue: DEFAULT_OPTIONS.view,
      settings: {
        options: [
          { value: 'distribution', label: 'Distribution' },
          { value: 'table', label: 'Drift table' },
          { value: 'segments', label: 'Segments' },
        ],
      },
    })
    .addTextInput({
      path: 'model',
      name: 'Model',
      description: 'Keep series whose ml_model_name is this (dashboard variables allowed); empty keeps every model.',
      defaultValue: DEFAULT_OPTIONS.model,
    })
    .addTextInput({
      path: 'feature',
      name: 'Feature',
      category: ['Distribution'],
      description: 'ml_feature_name to show (e.g. $feature); empty shows the first feature found.',
      defaultValue: DEFAULT_OPTIONS.feature,
      showIf: isView('distribution'),
    })
    .addRadio({
      path: 'currentMode',
      name: 'Current distribution from',
      category: ['Distribution'],
      description: 'auto: raw counters are differenced over the range, other series (increase(...[$__range])) give their last value.',
      defaultValue: DEFAULT_OPTIONS.currentMode,
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'counter', label: 'Counter (first → last)' },
          { value: 'increase', label: 'Last value' },
        ],
      },
      showIf: isView('distribution'),
    })
    .addTextInput({
      path: 'currentRefId',
      name: 'Current query refId',
      category: ['Distribution'],
      description: 'Query whose series carry no __name__ (increase()) and give the current per-bin counts.',
      defaultValue: DEFAULT_OPTIONS.currentRefId,
      showIf: isView('distribution'),
    })
    .addTextInput({
      path: 'referenceRefId',
      name: 'Reference query refId',
      category: ['Distribution'],
      description: 'Query giving ml_feature_bin_reference_fraction when its series carry no __name__.',
      defaultValue: DEFAULT_OPTIONS.referenceRefId,
      showIf: isView('distribution'),
    })
    .addRadio({
      path: 'featureKind',
      name: 'Feature kind',
      category: ['Distribution'],
      description: 'auto: categorical when the drift method is chi_squared, z_test or jensen_shannon.',
      defaultValue: DEFAULT_OPTIONS.featureKind,
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'numeric', label: 'Numeric' },
          { value: 'categorical', label: 'Categorical' },
        ],
      },
      showIf: isView('distribution'),
    })
    .addTextInput({
      path: 'binLabels',
      name: 'Bin labels',
      category: ['Distribution'],
      description: 'Comma-separated labels in bin-index order (categories of the profile, or numeric ranges).',
      defaultValue: DEFAULT_OPTIONS.binLabels,
      showIf: isView('distribution'),
    })
    .addNumberInput({
      path: 'topK',
      name: 'Top categories',
      category: ['Distribution'],
      description: 'Categorical features: show the k largest categories, fold the rest into "other" (0 = all).',
      defaultValue: DEFAULT_OPTIONS.topK,
      settings: { min: 0, integer: true },
      showIf: isView('distribution'),
    })
    .addRadio({
      path: 'sortBy',
      name: 'Sort by',
      category: ['Drift table'],
      defaultValue: DEFAULT_OPTIONS.sortBy,
      settings: {
        options: [
          { value: 'importanceTimesDrift', label: 'Importance × drift' },
          { value: 'score', label: 'Score' },
          { value: 'name', label: 'Name' },
        ],
      },
      showIf: isView('table'),
    })
    .addTextInput({
      path: 'importances',
      name: 'Importances',
      category: ['Drift table'],
      description: 'name=value pairs, comma separated (e.g. amount=0.4, country=0.1).',
      defaultValue: DEFAULT_OPTIONS.importances,
      settings: { useTextarea: true, rows: 3 },
      showIf: isView('table'),
    })
    .addTextInput({
      path: 'importanceRefId',
      name: 'Importance query refId',
      category: ['Drift table'],
      description: 'Optional query whose series (label ml_feature_name) carry importances; wins over the list above.',
      defaultValue: DEFAULT_OPTIONS.importanceRefId,
      showIf: isView('table'),
    })
    .addSliderInput({
      path: 'warningRatio',
      name: 'Warning from',
      category: ['Drift table'],
      description: 'Share of the way to the threshold (1 = at it) from which a feature is shown as a warning.',
      defaultValue: DEFAULT_OPTIONS.warningRatio,
      settings: { min: 0, max: 1, step: 0.05 },
      showIf: isView('table'),
    })
    .addBooleanSwitch({
      path: 'showSparkline',
      name: 'Score sparkline',
      category: ['Drift table'],
      defaultValue: DEFAULT_OPTIONS.showSparkline,
      showIf: isView('table'),
    })
    .addRadio({
      path: 'segmentColumns',
      name: 'Columns',
      category: ['Segments'],
      defaultValue: DEFAULT_OPTIONS.segmentColumns,
      settings: {
        options: [
          { value: 'time', label: 'Time' },
          { value: 'label', label: 'A label' },
        ],
      },
      showIf: isView('segments'),
    })
    .addTextInput({
      path: 'columnLabel',
      name: 'Column label',
      category: ['Segments'],
      defaultValue: DEFAULT_OPTIONS.columnLabel,
      showIf: (config) => isView('segments')(config) && config.segmentColumns === 'label',
    })
    .addTextInput({
      path: 'rowLabel',
      name: 'Row label',
      category: ['Segments'],
      description: 'ml_segment, or ml_fairness_group for fairness rates.',
      defaultValue: DEFAULT_OPTIONS.rowLabel,
      showIf: isView('segments'),
    })
    .addNumberInput({
      path: 'maxTimeColumns',
      name: 'Time columns (max)',
      category: ['Segments'],
      defaultValue: DEFAULT_OPTIONS.maxTimeColumns,
      settings: { min: 1, max: 500, integer: true },
      showIf: (config) => isView('segments')(config) && config.segmentColumns !== 'label',
    })
    .addRadio({
      path: 'colorDirection',
      name: 'Colours',
      category: ['Segments'],
      defaultValue: DEFAULT_OPTIONS.colorDirection,
      settings: {
        options: [
          { value: 'higherIsWorse', label: 'Higher is worse' },
          { value: 'higherIsBetter', label: 'Higher is better' },
        ],
      },
      showIf: isView('segments'),
    })
    .addNumberInput({ path: 'min', name: 'Scale min', category: ['Segments'], showIf: isView('segments') })
    .addNumberInput({ path: 'max', name: 'Scale max', category: ['Segments'], showIf: isView('segments') })
    .addNumberInput({
      path: 'decimals',
      name: 'Decimals',
      defaultValue: DEFAULT_OPTIONS.decimals,
      settings: { min: 0, max: 10, integer: true },
    });
}
