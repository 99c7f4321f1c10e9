import { buildDriftTable } from './drift-table';
import { driftIntensity, severityOf } from './severity';
import { parseImportances } from './importances';
import { seriesFromFrames } from './series';
import { resolveOptions } from '../resolve-options';
import { TABLE_FEATURES, TABLE_IMPORTANCES, driftTableFrames, promFrame, timesOf } from '../__fixtures__/frames';
import type { DriftPanelOptions } from '../types';

const options = (o: Partial<DriftPanelOptions> = {}) => resolveOptions({ view: 'table', ...o }, (s) => s);

describe('buildDriftTable', () => {
  const importances = parseImportances(TABLE_IMPORTANCES).values;

  it('has one row per feature with the last score, p-value, threshold and verdict', () => {
    const table = buildDriftTable(seriesFromFrames(driftTableFrames()), options({ importances: TABLE_IMPORTANCES }));
    expect(table.rows).toHaveLength(TABLE_FEATURES.length);
    for (const f of TABLE_FEATURES) {
      const row = table.rows.find((r) => r.feature === f.feature);
      expect(row).toMatchObject({
        method: f.method,
        score: f.scores[f.scores.length - 1],
        threshold: f.threshold,
        detected: f.detected === 1,
        pValue: 'pValue' in f ? f.pValue : undefined,
        importance: importances.get(f.feature),
      });
      expect(row?.history.values).toEqual([...f.scores]);
    }
    expect(table.hasPValues).toBe(true);
    expect(table.hasImportances).toBe(true);
    expect(table.multipleVersions).toBe(false);
  });

  it('sorts by importance × intensity by default, by score or name on request', () => {
    const series = seriesFromFrames(driftTableFrames());
    const rank = (f: (typeof TABLE_FEATURES)[number]) =>
      (importances.get(f.feature) ?? 1) *
      driftIntensity({ score: f.scores[f.scores.length - 1], pValue: 'pValue' in f ? f.pValue : undefined, threshold: f.threshold });
    const expected = [...TABLE_FEATURES].sort((a, b) => rank(b) - rank(a)).map((f) => f.feature);
    expect(buildDriftTable(series, options({ importances: TABLE_IMPORTANCES })).rows.map((r) => r.feature)).toEqual(expected);
    expect(buildDriftTable(series, options({ sortBy: 'name' })).rows.map((r) => r.feature)).toEqual(
      TABLE_FEATURES.map((f) => f.feature).sort(),
    );
    const byScore = buildDriftTable(series, options({ sortBy: 'score' })).rows.map((r) => r.score ?? NaN);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
  });

  it('colours by severity: verdict first, then the warning ratio', () => {
    const rows = buildDriftTable(seriesFromFrames(driftTableFrames()), options({ warningRatio: 0.8 })).rows;
    const severity = Object.fromEntries(rows.map((r) => [r.feature, r.severity]));
    // amount, country drifted; income at 0.09 / 0.1 = 0.9 ≥ 0.8; age p = 0.07 → ln 0.07 / ln 0.05 ≈ 0.89; device 0.3
    expect(severity).toEqual({ amount: 'drift', country: 'drift', income: 'warning', age: 'warning', device: 'ok' });
  });

  it('takes importances from a query when importanceRefId is set', () => {
    const frames = [
      ...driftTableFrames(),
      promFrame('I', { ml_feature_name: 'device' }, timesOf(1), [9]),
      promFrame('I', { ml_feature_name: 'age' }, timesOf(1), [NaN]),
    ];
    const table = buildDriftTable(seriesFromFrames(frames), options({ importanceRefId: 'I', importances: 'device=1' }));
    // ranks: country ln(3.2e-9)/ln(0.05) ≈ 6.5 (importance 1), device 9 × 0.03/0.1 = 2.7, amount 0.42/0.2 = 2.1
    expect(table.rows.slice(0, 3).map((r) => r.feature)).toEqual(['country', 'device', 'amount']);
    expect(table.rows[1]?.importance).toBe(9);
    expect(table.rows.find((r) => r.feature === 'age')?.importance).toBeUndefined();
  });

  it('keeps the latest series when the method changed in the range, and flags several versions', () => {
    const times = timesOf(4);
    const frames = [
      promFrame('A', { __name__: 'ml_feature_drift_score', ml_model_name: 'm', ml_model_version: '1', ml_feature_name: 'x', ml_drift_method: 'ks' }, times, [0.1, 0.2, NaN, NaN]),
      promFrame('A', { __name__: 'ml_feature_drift_score', ml_model_name: 'm', ml_model_version: '1', ml_feature_name: 'x', ml_drift_method: 'psi' }, times, [NaN, NaN, 0.3, 0.35]),
      promFrame('A', { __name__: 'ml_feature_drift_score', ml_model_name: 'm', ml_model_version: '2', ml_feature_name: 'x', ml_drift_method: 'psi' }, times, [0.01, 0.01, 0.01, 0.01]),
    ];
    const table = buildDriftTable(seriesFromFrames(frames), options());
    expect(table.rows).toHaveLength(2);
    expect(table.rows.find((r) => r.version === '1')).toMatchObject({ method: 'psi', score: 0.35, severity: 'unknown' });
    expect(table.multipleVersions).toBe(true);
  });

  it('has no rows for empty or unrelated data and reports bad importances', () => {
    expect(buildDriftTable([], options()).rows).toEqual([]);
    const table = buildDriftTable(seriesFromFrames([promFrame('A', { __name__: 'up' }, [1], [1])]), options({ importances: 'a=1, b=x, =3' }));
    expect(table.rows).toEqual([]);
    expect(table.notes[0]).toContain('b=x');
  });
});

describe('driftIntensity and severityOf', () => {
  it('puts distances and tests on one scale, 1 at the threshold', () => {
    expect(driftIntensity({ score: 0.3, threshold: 0.2 })).toBeCloseTo(1.5, 12);
    expect(driftIntensity({ score: 9, pValue: 0.05, threshold: 0.05 })).toBeCloseTo(1, 12);
    expect(driftIntensity({ score: 9, pValue: 1, threshold: 0.05 })).toBeCloseTo(0, 12);
    expect(driftIntensity({ score: 9, pValue: 0, threshold: 0.05 })).toBeGreaterThan(100);
    expect(driftIntensity({ score: 0.3 })).toBeNaN();
    expect(driftIntensity({ score: 0.3, threshold: 0 })).toBeNaN();
  });
  it('gives the verdict precedence', () => {
    expect(severityOf(0.1, true, 0.8)).toBe('drift');
    expect(severityOf(1.2, false, 0.8)).toBe('warning');
    expect(severityOf(1.2, undefined, 0.8)).toBe('drift');
    expect(severityOf(NaN, undefined, 0.8)).toBe('unknown');
    expect(severityOf(NaN, false, 0.8)).toBe('ok');
  });
});

describe('parseImportances', () => {
  it('reads name=value pairs and collects invalid entries', () => {
    const parsed = parseImportances('amount=0.4,\n country = 0.1, bad, x=-1, y=');
    expect([...parsed.values]).toEqual([
      ['amount', 0.4],
      ['country', 0.1],
    ]);
    expect(parsed.invalid).toEqual(['bad', 'x=-1', 'y=']);
  });
});
