import { FieldType, toDataFrame } from '@grafana/data';
import { buildDistribution } from './distribution';
import { seriesFromFrames } from './series';
import { resolveOptions } from '../resolve-options';
import {
  AMOUNT_INCREASE,
  AMOUNT_REFERENCE,
  COUNTRY_CATEGORIES,
  COUNTRY_INCREASE,
  COUNTRY_REFERENCE,
  amountDistributionFrames,
  countryDistributionFrames,
  promFrame,
  timesOf,
} from '../__fixtures__/frames';
import type { DriftPanelOptions } from '../types';

const options = (o: Partial<DriftPanelOptions> = {}) => resolveOptions({ view: 'distribution', ...o }, (s) => s);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('buildDistribution', () => {
  it('differences raw counters over the range and normalises both sides (numeric feature)', () => {
    const result = buildDistribution(seriesFromFrames(amountDistributionFrames()), options());
    if (!result.ok) {
      throw new Error(result.message);
    }
    const d = result.value;
    const total = sum(AMOUNT_INCREASE);
    expect(d.feature).toBe('amount');
    expect(d.kind).toBe('numeric');
    expect(d.source).toBe('bin-index');
    expect(d.bins.map((b) => b.label)).toEqual(AMOUNT_REFERENCE.map((_, i) => `bin ${i}`));
    d.bins.forEach((bin, i) => {
      expect(bin.current).toBeCloseTo((AMOUNT_INCREASE[i] ?? 0) / total, 12);
      expect(bin.reference).toBeCloseTo((AMOUNT_REFERENCE[i] ?? 0) / sum(AMOUNT_REFERENCE), 12);
    });
    expect(d.header).toEqual({ score: 0.4172, method: 'psi', threshold: 0.2, pValue: undefined, detected: true, windowSamples: 5400, currentCount: total });
  });

  it('reads increase() series (no __name__) by refId, as categorical from the method, with top-k and labels', () => {
    const frames = countryDistributionFrames();
    const result = buildDistribution(seriesFromFrames(frames), options({ binLabels: COUNTRY_CATEGORIES.join(','), topK: 3 }));
    if (!result.ok) {
      throw new Error(result.message);
    }
    const d = result.value;
    expect(d.kind).toBe('categorical');
    // the three largest of max(reference, current) among the 8 categories, in profile order, then other
    const total = sum(COUNTRY_INCREASE);
    const weight = COUNTRY_CATEGORIES.map((_, i) => Math.max(COUNTRY_REFERENCE[i] ?? 0, (COUNTRY_INCREASE[i] ?? 0) / total));
    const top3 = weight
      .map((w, i) => [w, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(([, i]) => i)
      .sort((a, b) => a - b);
    expect(d.bins.map((b) => b.label)).toEqual([...top3.map((i) => COUNTRY_CATEGORIES[i]), 'other']);
    expect(sum(d.bins.map((b) => b.current))).toBeCloseTo(1, 12);
    expect(sum(d.bins.map((b) => b.reference))).toBeCloseTo(1, 12);
    expect(d.bins[3]?.other).toBe(true);
    expect(d.header.pValue).toBe(3.2e-9);
    expect(d.header.currentCount).toBe(total);
  });

  it('forces counter differencing with currentMode=counter', () => {
    const frames = countryDistributionFrames();
    const result = buildDistribution(seriesFromFrames(frames), options({ currentMode: 'counter', topK: 0 }));
    expect(result.ok && result.value.header.currentCount).toBe(sum(COUNTRY_INCREASE.map((v) => v - v * 0.5)));
  });

  it('converts cumulative le buckets into per-bin fractions', () => {
    const times = timesOf(2);
    const bucket = (le: string, from: number, to: number) =>
      promFrame('A', { __name__: 'ml_label_delay_bucket', ml_model_name: 'fraud', le }, times, [from, to]);
    const frames = [bucket('1', 0, 10), bucket('5', 0, 40), bucket('+Inf', 0, 50)];
    const result = buildDistribution(seriesFromFrames(frames), options());
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.value.source).toBe('le-buckets');
    expect(result.value.bins.map((b) => [b.label, b.current])).toEqual([
      ['≤ 1', 0.2],
      ['(1, 5]', 0.6],
      ['> 5', 0.2],
    ]);
    expect(result.value.hasReference).toBe(false);
  });

  it('selects the feature given in the options and reports a missing one', () => {
    const frames = [...amountDistributionFrames(), ...countryDistributionFrames()];
    const country = buildDistribution(seriesFromFrames(frames), options({ feature: 'country' }));
    expect(country.ok && country.value.feature).toBe('country');
    expect(country.ok && country.value.features).toEqual(['amount', 'country']);
    const missing = buildDistribution(seriesFromFrames(frames), options({ feature: 'zip' }));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain('"zip"');
  });

  it('shows one side when only the reference is there, and notes a bin-count mismatch', () => {
    const reference = amountDistributionFrames().filter((f) => f.refId === 'B');
    const only = buildDistribution(seriesFromFrames(reference), options());
    expect(only.ok && only.value.hasCurrent).toBe(false);
    expect(only.ok && only.value.bins.every((b) => b.current === 0)).toBe(true);

    const extra = promFrame('A', { __name__: 'ml_feature_bin_observations_total', ml_feature_name: 'amount', ml_bin_index: '12' }, timesOf(2), [0, 5]);
    const mismatch = buildDistribution(seriesFromFrames([...reference, extra]), options());
    expect(mismatch.ok && mismatch.value.bins).toHaveLength(13);
    expect(mismatch.ok && mismatch.value.notes.join()).toContain('reference has 10 bins, current 13');
  });

  it('returns a message, not an exception, for empty and unrelated data', () => {
    expect(buildDistribution([], options()).ok).toBe(false);
    const unrelated = seriesFromFrames([promFrame('Z', { __name__: 'up' }, [1], [1])]);
    const result = buildDistribution(unrelated, options());
    expect(!result.ok && result.message).toContain('ml_feature_bin_observations_total');
  });

  it('reads table-format instant queries with refIds "current" / "reference" (sum by (ml_bin_index), no feature label)', () => {
    const table = (refId: string, labelColumns: Record<string, string[]>, values: number[]) =>
      toDataFrame({
        refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: values.map(() => 1000) },
          ...Object.entries(labelColumns).map(([name, column]) => ({ name, type: FieldType.string, values: column })),
          { name: `Value #${refId}`, type: FieldType.number, values },
        ],
      });
    const frames = [
      table('current', { ml_bin_index: ['0', '1', '2'] }, [30, 60, 10]),
      table('reference', { ml_bin_index: ['2', '0', '1'] }, [0.2, 0.5, 0.3]),
      table('score', { __name__: ['ml_feature_drift_score'], ml_feature_name: ['amount'], ml_drift_method: ['ks'] }, [0.21]),
      table('threshold', { __name__: ['ml_feature_drift_threshold'], ml_feature_name: ['amount'], ml_drift_method: ['ks'] }, [0.05]),
      table('samples', { __name__: ['ml_feature_window_samples'], ml_feature_name: ['amount'] }, [420]),
    ];
    const result = buildDistribution(seriesFromFrames(frames), options({ feature: 'amount' }));
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.value.bins.map((b) => [b.current, b.reference])).toEqual([
      [0.3, 0.5],
      [0.6, 0.3],
      [0.1, 0.2],
    ]);
    expect(result.value.header).toMatchObject({ score: 0.21, method: 'ks', threshold: 0.05, windowSamples: 420, currentCount: 100 });
  });
});
