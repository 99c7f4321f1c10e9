/**
 * The monitor's concept-drift detectors: one per configured (detector, stream) pair, fed with the
 * error stream of joined labels and the score stream of observations. Keeps per pair the
 * detections since start and when the last one happened (state 2 while it lies inside the
 * window), and emits an OTel log record (event `ml.concept.drift`) per detection. Never throws. @internal
 */
import { SeverityNumber, type Logger } from '@opentelemetry/api-logs';
import { createDetector, type DriftDetectorName } from '../concept/create-detector.js';
import type { DriftDetector } from '../concept/types.js';
import { CONCEPT_DRIFT_EVENT, MONITOR_ATTRIBUTES as A, type ConceptDetectorName, type ConceptStream } from './metric-names.js';
import type { ResolvedWindow } from './monitor-options.js';

/** Registry name of each `ml.concept.detector` value. */
export const DETECTOR_CLASS: Readonly<Record<ConceptDetectorName, DriftDetectorName>> = {
  adwin: 'ADWIN',
  ddm: 'DDM',
  eddm: 'EDDM',
  hddm_a: 'HDDM_A',
  hddm_w: 'HDDM_W',
  page_hinkley: 'PageHinkley',
  kswin: 'KSWIN',
  cusum: 'CUSUM',
};

/**
 * Detector options that differ from the scikit-multiflow defaults, per stream. Page-Hinkley's λ = 50
 * raised false alarms on stationary score streams of high variance (Beta(0.5, 0.5): 3, Beta(0.2, 0.2):
 * 11 per 800 000 values); λ = 100 raised none on any measured Beta (docs/concept-drift.md).
 */
export const STREAM_DETECTOR_OPTIONS: Readonly<Record<ConceptStream, Partial<Record<ConceptDetectorName, object>>>> = {
  error: {},
  score: { page_hinkley: { threshold: 100 } },
};

/** State of one detector on one stream, as the gauges and counters export it. */
export interface ConceptDetectorSnapshot {
  detector: ConceptDetectorName;
  stream: ConceptStream;
  /** 0 stable, 1 warning (last update), 2 a drift within the current window. */
  state: 0 | 1 | 2;
  /** Detections since start. */
  detections: number;
  /** Values fed since start. */
  values: number;
  /** Stream index (0-based) of the last detection; null before the first. */
  lastDetectionIndex: number | null;
}

interface Watch {
  name: ConceptDetectorName;
  stream: ConceptStream;
  detector: DriftDetector;
  values: number;
  detections: number;
  warning: boolean;
  lastDriftAt: number;
  lastDriftIndex: number;
}

export class ConceptStreams {
  private readonly error: Watch[];
  private readonly score: Watch[];
  private readonly logger: Logger;
  private readonly model: { name: string; version: string };
  private readonly window: ResolvedWindow;
  private readonly warn: (key: string, message: () => string) => void;

  constructor(options: {
    error: readonly ConceptDetectorName[];
    score: readonly ConceptDetectorName[];
    logger: Logger;
    model: { name: string; version: string };
    window: ResolvedWindow;
    warn: (key: string, message: () => string) => void;
  }) {
    const watch = (stream: ConceptStream) => (name: ConceptDetectorName): Watch => ({
      name,
      stream,
      detector: createDetector(DETECTOR_CLASS[name], (STREAM_DETECTOR_OPTIONS[stream][name] ?? {}) as never),
      values: 0,
      detections: 0,
      warning: false,
      lastDriftAt: Number.NaN,
      lastDriftIndex: Number.NaN,
    });
    this.error = options.error.map(watch('error'));
    this.score = options.score.map(watch('score'));
    this.logger = options.logger;
    this.model = options.model;
    this.window = options.window;
    this.warn = options.warn;
  }

  /** Whether any detector watches `stream`. */
  watches(stream: ConceptStream): boolean {
    return (stream === 'error' ? this.error : this.score).length > 0;
  }

  /** Feeds one value to every detector of `stream` (a value a detector cannot use is ignored by it). */
  feed(stream: ConceptStream, value: number, now: number): void {
    const watches = stream === 'error' ? this.error : this.score;
    for (let i = 0; i < watches.length; i++) {
      const watch = watches[i] as Watch;
      const { detector } = watch;
      const ignored = detector.ignoredCount;
      detector.update(value);
      if (!detector.driftDetected && detector.ignoredCount > ignored) continue;
      const index = watch.values++;
      watch.warning = detector.warningDetected;
      if (detector.driftDetected) this.detected(watch, index, now);
    }
  }

  private detected(watch: Watch, index: number, now: number): void {
    watch.detections++;
    watch.lastDriftAt = now;
    watch.lastDriftIndex = index;
    try {
      this.logger.emit({
        eventName: CONCEPT_DRIFT_EVENT,
        severityNumber: SeverityNumber.WARN,
        severityText: 'WARN',
        body: `concept drift detected by ${watch.name} on the ${watch.stream} stream of model ${this.model.name} ${this.model.version} at index ${index}`,
        attributes: {
          [A.modelName]: this.model.name,
          [A.modelVersion]: this.model.version,
          [A.conceptDetector]: watch.name,
          [A.conceptStream]: watch.stream,
          'ml.concept.index': index,
        },
        ...(Number.isFinite(now) ? { timestamp: now } : {}),
      });
    } catch (error) {
      this.warn('concept:log', () => `emitting the concept-drift log record failed: ${String(error)}`);
    }
  }

  private stateOf(watch: Watch, now: number): 0 | 1 | 2 {
    if (watch.detections > 0) {
      const inside = this.window.kind === 'time' ? now - watch.lastDriftAt < this.window.durationMs : watch.values - watch.lastDriftIndex <= this.window.count;
      if (inside) return 2;
    }
    return watch.warning ? 1 : 0;
  }

  /** Every detector's state as of `now`. */
  snapshot(now: number): ConceptDetectorSnapshot[] {
    return [...this.error, ...this.score].map((watch) => ({
      detector: watch.name,
      stream: watch.stream,
      state: this.stateOf(watch, now),
      detections: watch.detections,
      values: watch.values,
      lastDetectionIndex: watch.detections > 0 ? watch.lastDriftIndex : null,
    }));
  }
}
