/**
 * The monitor's default concept-drift detectors, checked on the measurements that chose them
 * (full tables: docs/concept-drift.md, printed by print-detector-rates.ts): no false alarm on
 * stationary streams, and the change found within a bounded number of values.
 */
import { STREAM_DETECTOR_OPTIONS } from '../../src/monitor/concept-streams.js';
import { createModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { PERFORMANCE_DEFAULTS } from '../../src/monitor/performance-options.js';
import { binaryProfile } from '../monitor/labelled-fixture.js';
import { testMeterProvider } from '../monitor/monitor-fixture.js';
import { mulberry32 } from '../support/synthetic.js';
import { bernoulliStream, betaStream, countFalseAlarms, detectionDelay } from './detector-rates.js';

const SEEDS = [1, 2, 3];

describe('error stream default', () => {
  it('is ADWIN alone', () => {
    expect(PERFORMANCE_DEFAULTS.errorDetectors).toEqual(['adwin']);
  });

  it('ADWIN: no false alarm on 3 × 100 000 stationary Bernoulli(0.1) errors, nor on short streams at low error rates', () => {
    for (const seed of SEEDS) expect(countFalseAlarms('ADWIN', {}, bernoulliStream(0.1), seed, 100_000)).toBe(0);
    for (const p of [0.02, 0.05, 0.14]) for (let seed = 101; seed <= 110; seed++) expect(countFalseAlarms('ADWIN', {}, bernoulliStream(p), seed, 8_000)).toBe(0);
  });

  it('ADWIN finds the 0.1 → 0.2 jump within 3 000 values in every seed', () => {
    for (const seed of SEEDS) expect(detectionDelay('ADWIN', {}, bernoulliStream(0.1), bernoulliStream(0.2), seed, 10_000, 3_000)).not.toBeNull();
  });

  it('DDM, the former co-default, false-alarms on the same short stationary streams (why it is opt-in)', () => {
    let alarms = 0;
    for (let seed = 101; seed <= 110; seed++) alarms += countFalseAlarms('DDM', {}, bernoulliStream(0.05), seed, 8_000);
    expect(alarms).toBeGreaterThan(5);
  });
});

describe('score stream default', () => {
  const options = STREAM_DETECTOR_OPTIONS.score.page_hinkley ?? {};

  it('is Page-Hinkley with λ = 100', () => {
    expect(PERFORMANCE_DEFAULTS.scoreDetectors).toEqual(['page_hinkley']);
    expect(options).toEqual({ threshold: 100 });
  });

  it.each([
    [0.5, 0.5],
    [0.2, 0.2],
    [2, 5],
  ])('no false alarm on 3 × 100 000 stationary Beta(%s, %s) scores', (a, b) => {
    for (const seed of SEEDS) expect(countFalseAlarms('PageHinkley', options, betaStream(a, b), seed, 100_000)).toBe(0);
  });

  it('λ = 50 (scikit-multiflow) false-alarms on Beta(0.2, 0.2) scores', () => {
    const alarms = SEEDS.reduce((sum, seed) => sum + countFalseAlarms('PageHinkley', {}, betaStream(0.2, 0.2), seed, 100_000), 0);
    expect(alarms).toBeGreaterThan(0);
  });

  it('finds a rise of the mean score (Beta(2, 5) → Beta(3, 5), 0.29 → 0.38) within 3 000 values in every seed', () => {
    for (const seed of SEEDS) expect(detectionDelay('PageHinkley', options, betaStream(2, 5), betaStream(3, 5), seed, 10_000, 3_000)).not.toBeNull();
  });
});

describe('a monitor with the default detectors', () => {
  it('reports no detection on 20 000 stationary labelled predictions (14 % errors, spread-out scores)', () => {
    const monitor = createModelMonitor({ model: { name: 'fraud', version: '1' }, reference: binaryProfile(), meterProvider: testMeterProvider().provider });
    const next = mulberry32(8);
    const scores = betaStream(0.5, 0.5)(8);
    for (let i = 0; i < 20_000; i++) {
      const prediction = next() < 0.5 ? 1 : 0;
      monitor.observe({ features: { x: 0 }, score: scores(), prediction, id: i });
      monitor.label(i, next() < 0.14 ? 1 - prediction : prediction);
    }
    const concept = monitor.snapshot().performance.concept;
    expect(concept.map(({ detector, stream }) => `${detector}:${stream}`)).toEqual(['adwin:error', 'page_hinkley:score']);
    for (const detector of concept) expect({ detector: detector.detector, values: detector.values, detections: detector.detections }).toEqual({ detector: detector.detector, values: 20_000, detections: 0 });
  });
});
