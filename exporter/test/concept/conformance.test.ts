import { createDetector, driftDetectorNames, isDriftDetectorName } from '../../src/concept/create-detector.js';
import { bernoulliStream, runStream } from './run-stream.js';

// One stream every detector can take (error bits with a rate change), so the same checks run on all.
const stream = [...bernoulliStream(0.1, 600, 7), ...bernoulliStream(0.6, 600, 8)];

describe.each(driftDetectorNames.map((name) => [name]))('%s conformance', (name) => {
  test('update returns the detector itself', () => {
    const detector = createDetector(name);
    expect(detector.update(0)).toBe(detector);
    expect(detector.name).toBe(name);
  });

  test('same stream → same detections; reset() gives a fresh detector', () => {
    const first = createDetector(name);
    const expected = runStream(first, stream);
    expect(first.acceptedCount).toBe(stream.length);
    expect(first.driftCount).toBe(expected.drifts.length);

    first.reset();
    expect(first.driftDetected).toBe(false);
    expect(first.warningDetected).toBe(false);
    expect(first.acceptedCount).toBe(0);
    expect(first.state).toEqual(createDetector(name).state);
    expect(runStream(first, stream)).toEqual(expected);
  });

  test('NaN, ±Infinity and non-numbers are ignored and counted, never thrown', () => {
    const clean = createDetector(name);
    const dirty = createDetector(name);
    const bad: unknown[] = [NaN, Infinity, -Infinity, '1', undefined, null];
    const cleanRun = runStream(clean, stream);
    const drifts: number[] = [];
    stream.forEach((x, i) => {
      const junk = bad[i % bad.length];
      expect(() => dirty.update(junk as number)).not.toThrow();
      expect(dirty.driftDetected).toBe(false);
      expect(dirty.warningDetected).toBe(false);
      if (dirty.update(x).driftDetected) drifts.push(i);
    });
    expect(dirty.ignoredCount).toBe(stream.length);
    expect(dirty.acceptedCount).toBe(stream.length);
    expect(drifts).toEqual(cleanRun.drifts);
    expect(dirty.state).toEqual(clean.state);
  });

  test('state is a snapshot of plain numbers', () => {
    const detector = createDetector(name);
    runStream(detector, stream.slice(0, 300));
    const snapshot = detector.state;
    const copy = { ...snapshot };
    for (const value of Object.values(snapshot)) expect(typeof value).toBe('number');
    runStream(detector, stream.slice(300));
    expect(snapshot).toEqual(copy);
  });
});

describe('createDetector', () => {
  test('lists every detector', () => {
    expect([...driftDetectorNames].sort()).toEqual(['ADWIN', 'CUSUM', 'DDM', 'EDDM', 'HDDM_A', 'HDDM_W', 'KSWIN', 'PageHinkley']);
    expect(isDriftDetectorName('ADWIN')).toBe(true);
    expect(isDriftDetectorName('adwin')).toBe(false);
  });

  test('passes options through', () => {
    expect(createDetector('ADWIN', { delta: 0.1 }).delta).toBe(0.1);
    expect(createDetector('KSWIN', { windowSize: 50, statSize: 10 }).windowSize).toBe(50);
  });

  test('rejects unknown names, unknown options and bad values with a message naming them', () => {
    expect(() => createDetector('Adwin' as 'ADWIN')).toThrow(/unknown drift detector "Adwin"/);
    expect(() => createDetector('DDM', { warning_level: 2 } as never)).toThrow(/DDM: unknown option 'warning_level'/);
    expect(() => createDetector('ADWIN', { delta: 0 })).toThrow(RangeError);
    expect(() => createDetector('ADWIN', { delta: 0 })).toThrow(/options\.delta must be > 0, got 0/);
    expect(() => createDetector('PageHinkley', { threshold: Number.NaN })).toThrow(TypeError);
    expect(() => createDetector('HDDM_A', { twoSided: 'yes' as unknown as boolean })).toThrow(/options\.twoSided must be a boolean/);
    expect(() => createDetector('KSWIN', { windowSize: 10, statSize: 9 })).toThrow(/statSize must be <= windowSize - 2 = 8 .*got 9/);
    expect(() => createDetector('DDM', { minNumInstances: 2.5 })).toThrow(/must be an integer/);
  });
});
