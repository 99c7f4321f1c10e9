import { PanelOptionsEditorBuilder, standardEditorsRegistry } from '@grafana/data';
import { addDriftPanelOptions } from './options';
import { plugin } from './module';
import { resolveOptions } from './resolve-options';
import { DEFAULT_OPTIONS, type DriftPanelOptions } from './types';

// Grafana core fills this registry with its option editors at start-up; the builder only needs their ids.
standardEditorsRegistry.setInit(() =>
  ['radio', 'text', 'number', 'boolean', 'slider'].map((id) => ({ id, name: id, editor: () => null })),
);

describe('options editor', () => {
  const items = addDriftPanelOptions(new PanelOptionsEditorBuilder<DriftPanelOptions>()).getItems();

  it('has an editor for every option and a default equal to DEFAULT_OPTIONS', () => {
    const paths = items.map((i) => i.path).sort();
    expect(paths).toEqual([...Object.keys(DEFAULT_OPTIONS), 'min', 'max'].sort());
    for (const item of items) {
      if (item.path in DEFAULT_OPTIONS) {
        expect([item.path, item.defaultValue]).toEqual([item.path, DEFAULT_OPTIONS[item.path as keyof typeof DEFAULT_OPTIONS]]);
      }
    }
  });

  it("shows each view's options only for that view", () => {
    const visible = (view: DriftPanelOptions['view']) =>
      items.filter((i) => !i.showIf || i.showIf({ ...DEFAULT_OPTIONS, view }, undefined)).map((i) => i.path);
    expect(visible('distribution')).toContain('binLabels');
    expect(visible('distribution')).not.toContain('importances');
    expect(visible('table')).toContain('importances');
    expect(visible('segments')).toContain('rowLabel');
    expect(visible('segments')).not.toContain('topK');
  });

  it('is wired into the plugin', () => {
    expect(plugin.panel).toBeDefined();
  });
});

describe('resolveOptions', () => {
  it('fills defaults and replaces invalid values', () => {
    const bad = { view: 'pie', topK: -3, warningRatio: 7, decimals: 'x', sortBy: 'random' } as unknown as DriftPanelOptions;
    const resolved = resolveOptions(bad, (s) => s);
    expect(resolved).toMatchObject({ view: 'distribution', topK: 10, warningRatio: 0.8, decimals: 3, sortBy: 'importanceTimesDrift' });
    expect(resolveOptions(undefined, (s) => s).view).toBe('distribution');
  });

  it('applies dashboard variables and treats unresolved or multi-value ones as no choice', () => {
    const vars: Record<string, string> = { feature: 'amount', model: 'fraud', many: '(a|b)' };
    const replace = (s: string) => s.replace(/\$(\w+)/g, (m, k: string) => vars[k] ?? m);
    expect(resolveOptions({ view: 'distribution', feature: '$feature', model: '$model' }, replace)).toMatchObject({ feature: 'amount', model: 'fraud' });
    expect(resolveOptions({ view: 'distribution', feature: '$unknown' }, replace).feature).toBe('');
    expect(resolveOptions({ view: 'distribution', feature: '$many' }, replace).feature).toBe('');
  });
});
