import { createModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { referenceProfile, testMeterProvider } from './monitor-fixture.js';

const reference = referenceProfile();
const MODEL = { name: 'm', version: '1' };

function monitorWith(window: Parameters<typeof createModelMonitor>[0]['window'], clock = { now: 0 }) {
  const { provider } = testMeterProvider();
  return { clock, monitor: createModelMonitor({ model: MODEL, reference, meterProvider: provider, window, now: () => clock.now }) };
}

function samplesOf(monitor: ReturnType<typeof createModelMonitor>, feature = 'x'): number | undefined {
  return monitor.snapshot().features.find((entry) => entry.name === feature)?.samples;
}

describe('time windows (60 s as 6 slices of 10 s, injected clock)', () => {
  it('old slices roll off as the clock moves, without new traffic', () => {
    const { clock, monitor } = monitorWith({ durationMs: 60_000, slices: 6 }, { now: 1_000_000 });
    monitor.observe({ features: { x: 0.1 } });
    clock.now += 10_000;
    monitor.observe({ features: { x: 0.2 } });
    monitor.observe({ features: { x: 0.3 } });
    expect(monitor.snapshot().window.observations).toBe(3);
    clock.now += 49_999; // the first slice [1 000 000, 1 010 000) is now 5 slices back: still in
    expect(samplesOf(monitor)).toBe(3);
    clock.now += 1; // 6 slices back: gone
    expect(samplesOf(monitor)).toBe(2);
    expect(monitor.snapshot().window.observations).toBe(2);
    clock.now += 10_000;
    expect(samplesOf(monitor)).toBe(0);
    expect(monitor.snapshot().features.find((entry) => entry.name === 'x')?.cumulativeBinCounts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('a jump longer than the window clears every slice', () => {
    const { clock, monitor } = monitorWith({ durationMs: 60_000, slices: 6 }, { now: 5_000 });
    monitor.observeBatch({ x: [1, 2, 3, 4] });
    clock.now += 3_600_000;
    monitor.observe({ features: { x: 1 } });
    expect(samplesOf(monitor)).toBe(1);
  });

  it('out-of-order timestamps land in their slice while in the window; too-old ones are counted and dropped', () => {
    const { clock, monitor } = monitorWith({ durationMs: 60_000, slices: 6 }, { now: 1_000_000 });
    monitor.observe({ features: { x: 1 }, timestamp: 1_000_000 - 45_000 });
    monitor.observe({ features: { x: 1 }, timestamp: new Date(1_000_000 - 5_000) });
    monitor.observe({ features: { x: 1 }, timestamp: 1_000_000 - 75_000 });
    monitor.observe({ features: { x: 1 }, timestamp: 'yesterday' as never });
    monitor.observe({ features: { x: 1 }, timestamp: 2_000_000 }); // ahead of the clock: newest slice
    let snapshot = monitor.snapshot();
    expect(snapshot.window.observations).toBe(3);
    expect(snapshot.counters.dropped).toEqual({ invalid_observation: 0, invalid_timestamp: 1, too_old: 1, internal_error: 0 });
    clock.now += 20_000; // slice 95 (t = 955 000) falls out once the head is slice 102 (the window keeps 97…102)
    snapshot = monitor.snapshot();
    expect(snapshot.window.observations).toBe(2);
  });

  it('observeBatch takes a timestamp column', () => {
    const { monitor } = monitorWith({ durationMs: 60_000, slices: 6 }, { now: 1_000_000 });
    monitor.observeBatch({ x: [1, 2, 3], timestamp: [1_000_000, 1_000_000 - 120_000, 999_000] });
    expect(samplesOf(monitor)).toBe(2);
    expect(monitor.snapshot().counters.dropped.too_old).toBe(1);
  });

  it('memory does not grow with traffic: the state is fixed at creation', () => {
    const { monitor } = monitorWith({ durationMs: 60_000, slices: 6 }, { now: 1_000_000 });
    const before = JSON.stringify(monitor.snapshot().features.map((feature) => feature.binCounts.length));
    for (let i = 0; i < 20_000; i++) monitor.observe({ features: { x: i, color: `c${i}` }, segment: `s${i}` });
    const after = monitor.snapshot();
    expect(JSON.stringify(after.features.map((feature) => feature.binCounts.length))).toBe(before);
    expect(Object.keys(after.counters.observations)).toEqual(['']);
  });
});

describe('count windows', () => {
  it('keeps the last observations in slices: count 100 as 4 slices of 25', () => {
    const { monitor } = monitorWith({ count: 100, slices: 4 });
    monitor.observeBatch({ x: Array.from({ length: 100 }, () => -10) });
    expect(samplesOf(monitor)).toBe(100);
    monitor.observeBatch({ x: Array.from({ length: 30 }, () => 10) });
    // the first slice of 25 rolled off when row 101 arrived; rows 101-125 fill it, 126-130 start the next
    const x = monitor.snapshot().features.find((entry) => entry.name === 'x');
    expect(x?.samples).toBe(80);
    expect(x?.binCounts[0]).toBe(50);
    expect(x?.binCounts.at(-1)).toBe(30);
    expect(monitor.snapshot().window).toEqual({ kind: 'count', slices: 4, observations: 80 });
  });

  it('ignores timestamps and the clock', () => {
    const { clock, monitor } = monitorWith({ count: 10 });
    monitor.observe({ features: { x: 1 }, timestamp: 0 });
    clock.now += 1e12;
    expect(samplesOf(monitor)).toBe(1);
  });
});
