import { binsFromCounters, parseBinIndex, referenceFractions, toFractions } from './bins-from-counters';
import { bucketLabels, cumulativeBucketsToBins, parseLe } from './cumulative-buckets';
import { categoricalTopK } from './categorical-top-k';
import { binIndexLabels, parseBinLabels } from './bin-labels';
import type { Series } from './series';

const s = (labels: Record<string, string>, values: number[]): Series => ({
  refId: 'A',
  metric: '',
  labels,
  times: values.map((_, i) => i),
  values,
});

describe('binsFromCounters', () => {
  it('differences counters per bin and adds replicas of the same bin', () => {
    const series = [s({ ml_bin_index: '0' }, [4, 9]), s({ ml_bin_index: '2' }, [1, 2]), s({ ml_bin_index: '2', instance: 'b' }, [10, 13])];
    expect(binsFromCounters(series, 'counter')).toEqual({ counts: [5, 0, 4], skipped: 0 });
  });

  it('reads the last sample of increase() series', () => {
    expect(binsFromCounters([s({ ml_bin_index: '1' }, [3, 8])], 'last').counts).toEqual([0, 8]);
  });

  it('skips series with a missing, negative or non-integer bin index, or no finite value', () => {
    const series = [s({}, [1, 2]), s({ ml_bin_index: '-1' }, [1, 2]), s({ ml_bin_index: '1.5' }, [1, 2]), s({ ml_bin_index: '0' }, [NaN])];
    expect(binsFromCounters(series, 'last')).toEqual({ counts: [], skipped: 4 });
  });

  it('chooses the reading per series when given a function', () => {
    const series = [s({ ml_bin_index: '0' }, [4, 9]), { ...s({ ml_bin_index: '1' }, [4, 9]), refId: 'B' }];
    expect(binsFromCounters(series, (x) => (x.refId === 'A' ? 'counter' : 'last')).counts).toEqual([5, 9]);
  });
});

describe('referenceFractions', () => {
  it('keeps the first value per bin (replicas agree) and the last sample of each series', () => {
    const series = [s({ ml_bin_index: '1' }, [0.2, 0.7]), s({ ml_bin_index: '0' }, [0.3]), s({ ml_bin_index: '1' }, [0.9])];
    expect(referenceFractions(series)).toEqual({ fractions: [0.3, 0.7], skipped: 0 });
  });
});

describe('toFractions', () => {
  it('normalises to a sum of 1 and keeps all-zero input at zero', () => {
    expect(toFractions([1, 3])).toEqual([0.25, 0.75]);
    expect(toFractions([0, 0])).toEqual([0, 0]);
    expect(toFractions([])).toEqual([]);
    expect(toFractions([2, NaN, -1, 2])).toEqual([0.5, 0, 0, 0.5]);
  });
});

describe('parseBinIndex', () => {
  it('accepts non-negative integers only', () => {
    expect(parseBinIndex('0')).toBe(0);
    expect(parseBinIndex('12')).toBe(12);
    expect(parseBinIndex('')).toBeUndefined();
    expect(parseBinIndex('x')).toBeUndefined();
    expect(parseBinIndex('1e3')).toBeUndefined();
  });
});

describe('cumulativeBucketsToBins', () => {
  it('differences cumulative buckets in bound order, whatever order the series come in', () => {
    const series = [s({ le: '+Inf' }, [10]), s({ le: '1' }, [2]), s({ le: '5' }, [7])];
    expect(cumulativeBucketsToBins(series, 'last')).toEqual({ upperBounds: [1, 5, Infinity], counts: [2, 5, 3], skipped: 0 });
  });

  it('adds replicas per bound, then differences counter increases', () => {
    const series = [s({ le: '1' }, [0, 2]), s({ le: '1', instance: 'b' }, [5, 6]), s({ le: '+Inf' }, [0, 4]), s({ le: '+Inf', instance: 'b' }, [5, 9])];
    expect(cumulativeBucketsToBins(series, 'counter').counts).toEqual([3, 5]);
  });

  it('clamps an inconsistent (decreasing) bucket to 0 and skips unparsable le labels', () => {
    const series = [s({ le: '1' }, [5]), s({ le: '2' }, [3]), s({ le: '3' }, [8]), s({ le: 'abc' }, [1]), s({}, [1])];
    expect(cumulativeBucketsToBins(series, 'last')).toEqual({ upperBounds: [1, 2, 3], counts: [5, 0, 3], skipped: 2 });
  });

  it('reads an empty input as no bins', () => {
    expect(cumulativeBucketsToBins([], 'last')).toEqual({ upperBounds: [], counts: [], skipped: 0 });
  });

  it('parses le labels and labels the bins', () => {
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('0.25')).toBe(0.25);
    expect(parseLe('')).toBeUndefined();
    expect(bucketLabels([1, 5, Infinity])).toEqual(['≤ 1', '(1, 5]', '> 5']);
  });
});

describe('categoricalTopK', () => {
  const bins = [
    { label: 'DE', reference: 0.5, current: 0.1 },
    { label: 'FR', reference: 0.1, current: 0.2 },
    { label: 'US', reference: 0.05, current: 0.4 },
    { label: 'GB', reference: 0.15, current: 0.05 },
    { label: 'other', reference: 0.2, current: 0.25, other: true },
  ];

  it('keeps the k largest categories (by the larger side) in profile order and folds the rest into other', () => {
    const top = categoricalTopK(bins, 2);
    expect(top.map((b) => b.label)).toEqual(['DE', 'US', 'other']);
    const other = top[2];
    expect(other?.other).toBe(true);
    expect(other?.reference).toBeCloseTo(0.1 + 0.15 + 0.2, 12);
    expect(other?.current).toBeCloseTo(0.2 + 0.05 + 0.25, 12);
  });

  it('keeps every bin when k is 0 or covers all categories', () => {
    expect(categoricalTopK(bins, 0)).toEqual(bins);
    expect(categoricalTopK(bins, 4)).toEqual(bins);
  });

  it('creates an other bin when folding without one', () => {
    const top = categoricalTopK(bins.slice(0, 3), 1);
    expect(top.map((b) => b.label)).toEqual(['DE', 'other']);
  });
});

describe('bin labels', () => {
  it('parses comma-separated labels, keeping blanks as defaults', () => {
    expect(parseBinLabels(' DE, FR,,US ')).toEqual(['DE', 'FR', '', 'US']);
    expect(parseBinLabels('')).toEqual([]);
  });
  it('labels numeric bins by index and the last categorical bin as other', () => {
    expect(binIndexLabels(2, 'numeric', [])).toEqual(['bin 0', 'bin 1']);
    expect(binIndexLabels(3, 'categorical', ['DE', ''])).toEqual(['DE', 'category 1', 'other']);
  });
});
