import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';
import { counterIncrease, lastFinite, seriesFromFrames } from './series';
import { promFrame } from '../__fixtures__/frames';

describe('seriesFromFrames', () => {
  it('reads one series per labelled number field with its refId, metric name and times', () => {
    const series = seriesFromFrames([promFrame('A', { __name__: 'ml_window_samples', ml_model_name: 'm' }, [1000, 2000], [3, 5])]);
    expect(series).toEqual([
      { refId: 'A', metric: 'ml_window_samples', labels: { __name__: 'ml_window_samples', ml_model_name: 'm' }, times: [1000, 2000], values: [3, 5] },
    ]);
  });

  it('reads wide frames (several number fields) as several series', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: [1, 2] },
        { name: 'a', type: FieldType.number, values: [1, 2], labels: { ml_bin_index: '0' } },
        { name: 'b', type: FieldType.number, values: [3, 4], labels: { ml_bin_index: '1' } },
      ],
    });
    const series = seriesFromFrames([frame]);
    expect(series.map((s) => s.labels.ml_bin_index)).toEqual(['0', '1']);
    expect(series[1]?.values).toEqual([3, 4]);
    expect(series[0]?.metric).toBe('');
  });

  it('reads table-format frames as one series per row with string columns as labels', () => {
    const frame = toDataFrame({
      refId: 'B',
      fields: [
        { name: 'Time', type: FieldType.time, values: [10, 10] },
        { name: 'ml_feature_name', type: FieldType.string, values: ['amount', 'age'] },
        { name: 'ml_bin_index', type: FieldType.string, values: ['0', ''] },
        { name: 'Value #B', type: FieldType.number, values: [0.25, 0.75] },
      ],
    });
    const series = seriesFromFrames([frame]);
    expect(series).toHaveLength(2);
    expect(series[0]).toMatchObject({ refId: 'B', labels: { ml_feature_name: 'amount', ml_bin_index: '0' }, values: [0.25], times: [10] });
    expect(series[1]?.labels).toEqual({ ml_feature_name: 'age' });
  });

  it('skips empty, malformed and number-less frames without throwing', () => {
    const noNumbers = toDataFrame({ fields: [{ name: 'Time', type: FieldType.time, values: [1] }] });
    const malformed = { fields: 'nope' } as unknown as DataFrame;
    expect(seriesFromFrames([])).toEqual([]);
    expect(seriesFromFrames(undefined)).toEqual([]);
    expect(seriesFromFrames([noNumbers, malformed, toDataFrame({ fields: [] })])).toEqual([]);
  });

  it('turns non-numeric values into NaN and pads missing times', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, values: [1, 'x', null, '2'] },
      ],
    });
    const [s] = seriesFromFrames([frame]);
    expect(s?.values).toEqual([1, NaN, NaN, 2]);
    expect(s?.times).toEqual([1, NaN, NaN, NaN]);
  });
});

describe('counterIncrease', () => {
  it('sums increases and treats a drop as a reset', () => {
    expect(counterIncrease([10, 12, 3, 5])).toBe(2 + 3 + 2);
  });
  it('skips NaN samples and reads 0 for fewer than two samples', () => {
    expect(counterIncrease([5, NaN, 9])).toBe(4);
    expect(counterIncrease([7])).toBe(0);
    expect(counterIncrease([])).toBe(0);
  });
});

describe('lastFinite', () => {
  it('returns the last finite value, NaN when there is none', () => {
    expect(lastFinite([1, 2, NaN])).toBe(2);
    expect(lastFinite([NaN, Infinity])).toBeNaN();
  });
});
