import { DEFAULT_OPTIONS, type DriftPanelOptions, type PanelView, type ResolvedOptions } from './types';

const VIEWS: readonly PanelView[] = ['distribution', 'table', 'segments'];

/**
 * Fills defaults for missing or invalid option values (saved dashboards may hold anything) and
 * applies dashboard variables to the text options that select data.
 *
 * @example resolveOptions({ view: 'table' }, (s) => s).sortBy // → 'importanceTimesDrift'
 */
export function resolveOptions(options: Partial<DriftPanelOptions> | undefined, replaceVariables: (text: string) => string): ResolvedOptions {
  const o: Partial<DriftPanelOptions> = options ?? {};
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  const num = (v: unknown, fallback: number, min: number, max: number): number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
  const optionalNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const variable = (v: unknown): string => {
    const raw = text(v, '').trim();
    const replaced = raw === '' ? '' : replaceVariables(raw).trim();
    // An unset multi-value or "All" variable leaves a pattern; treat it as "no choice".
    return replaced === '$__all' || replaced.startsWith('$') || replaced.includes('|') || replaced === '.*' ? '' : replaced;
  };
  return {
    view: oneOf(o.view, VIEWS, DEFAULT_OPTIONS.view),
    feature: variable(o.feature),
    model: variable(o.model),
    currentMode: oneOf(o.currentMode, ['auto', 'counter', 'increase'] as const, DEFAULT_OPTIONS.currentMode),
    currentRefId: text(o.currentRefId, DEFAULT_OPTIONS.currentRefId).trim(),
    referenceRefId: text(o.referenceRefId, DEFAULT_OPTIONS.referenceRefId).trim(),
    featureKind: oneOf(o.featureKind, ['auto', 'numeric', 'categorical'] as const, DEFAULT_OPTIONS.featureKind),
    binLabels: text(o.binLabels, ''),
    topK: Math.floor(num(o.topK, DEFAULT_OPTIONS.topK, 0, 1000)),
    sortBy: oneOf(o.sortBy, ['importanceTimesDrift', 'score', 'name'] as const, DEFAULT_OPTIONS.sortBy),
    importances: text(o.importances, ''),
    importanceRefId: text(o.importanceRefId, '').trim(),
    warningRatio: num(o.warningRatio, DEFAULT_OPTIONS.warningRatio, 0, 1),
    showSparkline: typeof o.showSparkline === 'boolean' ? o.showSparkline : DEFAULT_OPTIONS.showSparkline,
    segmentColumns: oneOf(o.segmentColumns, ['time', 'label'] as const, DEFAULT_OPTIONS.segmentColumns),
    columnLabel: text(o.columnLabel, DEFAULT_OPTIONS.columnLabel).trim() || DEFAULT_OPTIONS.columnLabel,
    rowLabel: text(o.rowLabel, DEFAULT_OPTIONS.rowLabel).trim() || DEFAULT_OPTIONS.rowLabel,
    maxTimeColumns: Math.floor(num(o.maxTimeColumns, DEFAULT_OPTIONS.maxTimeColumns, 1, 500)),
    colorDirection: oneOf(o.colorDirection, ['higherIsBetter', 'higherIsWorse'] as const, DEFAULT_OPTIONS.colorDirection),
    min: optionalNumber(o.min),
    max: optionalNumber(o.max),
    decimals: Math.floor(num(o.decimals, DEFAULT_OPTIONS.decimals, 0, 10)),
  };
}
