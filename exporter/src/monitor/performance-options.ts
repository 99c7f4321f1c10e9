/**
 * The delayed-label, performance, concept-drift and fairness options of `createModelMonitor`:
 * their zod shapes, defaults and the cross-checks against the profile. @internal
 */
import { z } from 'zod';
import type { ClassLabel } from '../stats/class-labels.js';
import { CONCEPT_DETECTORS, type ConceptDetectorName } from './metric-names.js';
import type { ReferenceProfile } from '../profile/schema.js';

/** Delayed labels: how long a prediction waits for its label, and how many may wait. */
export interface LabelOptions {
  /** A prediction not labelled within this many ms is evicted (`ttl`). Default 7 days. */
  ttlMs?: number;
  /** Hard cap of predictions waiting; past it the oldest is evicted (`capacity`). Default 100 000. */
  maxPending?: number;
}

import type { PerformanceTask } from '../performance/metric-values.js';
export type { PerformanceTask } from '../performance/metric-values.js';

/** Realised performance options. */
export interface PerformanceOptions {
  /** Default: the profile's `baseline.task`, else 'binary'. */
  task?: PerformanceTask;
  /** Binary: the positive class (default 1; `true` labels count as 1). */
  positiveLabel?: ClassLabel;
  /** Regression: pinball-loss quantiles (default 0.1, 0.5, 0.9). */
  quantiles?: readonly number[];
}

/** Concept-drift detectors per stream (names as `ml.concept.detector`). */
export interface DetectorOptions {
  /**
   * Fed with the 0/1 error of each joined label (regression: |error|, numeric detectors only).
   * Default ['adwin']: no false alarm on stationary error streams in the measurements of
   * docs/concept-drift.md, where DDM and EDDM raise them (opt in with 'ddm', 'eddm', 'hddm_a', …).
   */
  error?: readonly ConceptDetectorName[];
  /**
   * Fed with each observed score. Default ['page_hinkley'] with λ = 100 on this stream (scikit-multiflow's
   * 50 false-alarms on spread-out scores in [0, 1]; see docs/concept-drift.md). Page-Hinkley watches increases only.
   */
  score?: readonly ConceptDetectorName[];
}

/** Group fairness over protected attributes (binary tasks). */
export interface FairnessOptions {
  /** Attribute names, read from `observation.attributes` first, else from `features`. */
  attributes: readonly string[];
  /** The favourable outcome (default: performance.positiveLabel, else 1). */
  positiveLabel?: ClassLabel;
  /** Groups per attribute (first seen); later ones fold into `__overflow__`. Default 20. */
  cap?: number;
}

/** Resolved form. @internal */
export interface ResolvedPerformanceOptions {
  ttlMs: number;
  maxPending: number;
  task: PerformanceTask;
  positiveLabel: ClassLabel;
  quantiles: readonly number[];
  errorDetectors: readonly ConceptDetectorName[];
  scoreDetectors: readonly ConceptDetectorName[];
  fairness: { attributes: readonly string[]; positiveLabel: ClassLabel; cap: number } | undefined;
}

export const PERFORMANCE_DEFAULTS = {
  ttlMs: 7 * 24 * 3_600_000,
  maxPending: 100_000,
  quantiles: [0.1, 0.5, 0.9],
  errorDetectors: ['adwin'],
  scoreDetectors: ['page_hinkley'],
  fairnessCap: 20,
} as const;

/** Detectors that need a 0/1 (or [0, 1]) error stream. */
export const ERROR_RATE_DETECTORS: ReadonlySet<ConceptDetectorName> = new Set(['ddm', 'eddm', 'hddm_a', 'hddm_w']);
/** Detectors that need 0/1 values exactly (not usable on scores). */
const ZERO_ONE_DETECTORS: ReadonlySet<ConceptDetectorName> = new Set(['ddm', 'eddm']);

const classLabel = z.union([z.string().min(1), z.number().int()]);
const detectorList = z.array(z.enum(CONCEPT_DETECTORS)).refine((list) => new Set(list).size === list.length, 'must not name a detector twice');

export const performanceOptionShapes = {
  labels: z.object({ ttlMs: z.number().int().positive().optional(), maxPending: z.number().int().positive().max(100_000_000).optional() }).strict().optional(),
  performance: z
    .object({
      task: z.enum(['binary', 'multiclass', 'regression']).optional(),
      positiveLabel: classLabel.optional(),
      quantiles: z.array(z.number().min(0).max(1)).min(1).max(20).optional(),
    })
    .strict()
    .optional(),
  detectors: z.object({ error: detectorList.optional(), score: detectorList.optional() }).strict().optional(),
  fairness: z
    .object({
      attributes: z.array(z.string().min(1).max(256)).min(1).max(20),
      positiveLabel: classLabel.optional(),
      cap: z.number().int().positive().max(1000).optional(),
    })
    .strict()
    .optional(),
};

type Parsed = { [K in keyof typeof performanceOptionShapes]?: z.infer<(typeof performanceOptionShapes)[K]> };

/** The task the profile's baseline implies, if any. */
function taskFromProfile(reference: ReferenceProfile): PerformanceTask | undefined {
  const task = reference.baseline?.task;
  if (task === 'binary' || task === 'multiclass' || task === 'regression') return task;
  if (task === 'classification') return reference.baseline?.metrics.precision_macro !== undefined ? 'multiclass' : 'binary';
  return undefined;
}

/**
 * Fills in defaults and checks detectors against the task. @internal
 * @throws TypeError naming the option when a detector cannot take its stream.
 */
export function resolvePerformanceOptions(value: Parsed, reference: ReferenceProfile): ResolvedPerformanceOptions {
  const task = value.performance?.task ?? taskFromProfile(reference) ?? 'binary';
  const explicitError = value.detectors?.error;
  const errorDetectors = explicitError ?? (task === 'regression' ? PERFORMANCE_DEFAULTS.errorDetectors.filter((name) => !ERROR_RATE_DETECTORS.has(name)) : PERFORMANCE_DEFAULTS.errorDetectors);
  if (task === 'regression') {
    const rateOnly = errorDetectors.find((name) => ERROR_RATE_DETECTORS.has(name));
    if (rateOnly !== undefined) throw new TypeError(`createModelMonitor: options.detectors.error names ${JSON.stringify(rateOnly)}, which needs a 0/1 error stream; a regression task feeds |error|, use numeric detectors (adwin, page_hinkley, kswin, cusum); got ${JSON.stringify(explicitError)}`);
  }
  const scoreDetectors = value.detectors?.score ?? PERFORMANCE_DEFAULTS.scoreDetectors;
  const zeroOne = scoreDetectors.find((name) => ZERO_ONE_DETECTORS.has(name));
  if (zeroOne !== undefined) throw new TypeError(`createModelMonitor: options.detectors.score names ${JSON.stringify(zeroOne)}, which takes 0/1 errors, not scores; use adwin, page_hinkley, kswin, cusum, hddm_a or hddm_w; got ${JSON.stringify(scoreDetectors)}`);
  const positiveLabel = value.performance?.positiveLabel ?? 1;
  if (value.fairness !== undefined && task === 'regression') throw new TypeError('createModelMonitor: options.fairness needs a classification task (binary outcomes); got performance.task "regression"');
  return {
    ttlMs: value.labels?.ttlMs ?? PERFORMANCE_DEFAULTS.ttlMs,
    maxPending: value.labels?.maxPending ?? PERFORMANCE_DEFAULTS.maxPending,
    task,
    positiveLabel,
    quantiles: value.performance?.quantiles ?? PERFORMANCE_DEFAULTS.quantiles,
    errorDetectors,
    scoreDetectors,
    fairness: value.fairness === undefined ? undefined : {
      attributes: [...new Set(value.fairness.attributes)],
      positiveLabel: value.fairness.positiveLabel ?? positiveLabel,
      cap: value.fairness.cap ?? PERFORMANCE_DEFAULTS.fairnessCap,
    },
  };
}
