import { pivotSegments } from './segment-pivot';
import { mixStops, scalePosition } from './color-scale';
import { seriesFromFrames, type Series } from './series';
import { SEGMENTS, STEP, T0, segmentFrames } from '../__fixtures__/frames';

const s = (labels: Record<string, string>, times: number[], values: number[]): Series => ({ refId: 'A', metric: 'm', labels, times, values });

describe('pivotSegments', () => {
  it('has one row per segment, the unlabelled row named and __overflow__ last and marked', () => {
    const heatmap = pivotSegments(seriesFromFrames(segmentFrames()), { rowLabel: 'ml_segment', columns: { by: 'time', maxColumns: 100 } });
    const named = SEGMENTS.filter((x) => x !== '__overflow__').sort((a, b) => a.localeCompare(b));
    expect(heatmap.rows.map((r) => r.key)).toEqual([...named, '__overflow__']);
    expect(heatmap.rows.find((r) => r.key === '')?.label).toBe('(no segment)');
    expect(heatmap.rows.at(-1)).toMatchObject({ overflow: true, label: '__overflow__ (past cap)' });
    expect(heatmap.columns).toHaveLength(12);
    const frames = segmentFrames();
    const android = seriesFromFrames(frames).find((x) => x.labels.ml_segment === 'android');
    const row = heatmap.rows.findIndex((r) => r.key === 'android');
    expect(heatmap.cells[row]).toEqual(android?.values);
  });

  it('merges time samples into at most maxColumns buckets by their mean', () => {
    const times = [0, 1, 2, 3].map((i) => T0 + i * STEP);
    const heatmap = pivotSegments([s({ ml_segment: 'a' }, times, [1, 3, 5, 7])], { rowLabel: 'ml_segment', columns: { by: 'time', maxColumns: 2 } });
    expect(heatmap.columns).toHaveLength(2);
    // buckets [T0, T0 + 1.5 step) and [T0 + 1.5 step, end]
    expect(heatmap.cells).toEqual([[2, 6]]);
    expect([heatmap.min, heatmap.max]).toEqual([2, 6]);
  });

  it('pivots by a label with the last value, averaging replicas, null where nothing is', () => {
    const series = [
      s({ ml_segment: 'a', ml_feature_name: 'x' }, [1, 2], [0.1, 0.2]),
      s({ ml_segment: 'a', ml_feature_name: 'x', instance: '2' }, [1, 2], [0.4, 0.4]),
      s({ ml_segment: 'b', ml_feature_name: 'y' }, [1], [0.5]),
    ];
    const heatmap = pivotSegments(series, { rowLabel: 'ml_segment', columns: { by: 'label', label: 'ml_feature_name' } });
    expect(heatmap.columns.map((c) => c.key)).toEqual(['x', 'y']);
    expect(heatmap.cells[0]?.[0]).toBeCloseTo(0.3, 12);
    expect(heatmap.cells[0]?.[1]).toBeNull();
    expect(heatmap.cells[1]).toEqual([null, 0.5]);
  });

  it('ignores NaN and reads empty input as an empty heatmap', () => {
    const empty = pivotSegments([], { rowLabel: 'ml_segment', columns: { by: 'time', maxColumns: 10 } });
    expect(empty).toMatchObject({ rows: [], columns: [], cells: [] });
    expect(empty.min).toBeNaN();
    const nan = pivotSegments([s({ ml_segment: 'a' }, [1, 2], [NaN, NaN])], { rowLabel: 'ml_segment', columns: { by: 'time', maxColumns: 10 } });
    expect(nan.columns).toEqual([]);
  });
});

describe('colour scale', () => {
  it('maps values to 0 (good) … 1 (bad) in the chosen direction', () => {
    expect(scalePosition(0.25, 0, 1, 'higherIsWorse')).toBe(0.25);
    expect(scalePosition(0.25, 0, 1, 'higherIsBetter')).toBe(0.75);
    expect(scalePosition(5, 0, 1, 'higherIsWorse')).toBe(1);
    expect(scalePosition(3, 3, 3, 'higherIsWorse')).toBe(0.5);
    expect(scalePosition(NaN, 0, 1, 'higherIsWorse')).toBeNaN();
  });
  it('mixes hex stops linearly', () => {
    expect(mixStops(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(mixStops(['#ff0000', '#00ff00', '#0000ff'], 1)).toBe('#0000ff');
    expect(mixStops(['#ff0000', '#00ff00', '#0000ff'], 0.25)).toBe('#808000');
    expect(mixStops(['#123456'], 0.7)).toBe('#123456');
  });
});
