import { z } from 'zod';
import { Adwin } from '../../../src/concept/adwin.js';
import { createDetector, type DriftDetectorName } from '../../../src/concept/create-detector.js';
import type { IndexSampler } from '../../../src/concept/index-sampler.js';
import type { DriftDetector } from '../../../src/concept/types.js';
import { Kswin } from '../../../src/concept/kswin.js';
import { parseInput, requireGroup } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

/** scikit-multiflow parameter (or class constant) name → our constructor option, per detector. */
const parameterNames: Partial<Record<DriftDetectorName, Record<string, string>>> = {
  ADWIN: { delta: 'delta', clock: 'clock', max_buckets: 'maxBuckets', MAX_BUCKETS: 'maxBuckets', min_window_longitude: 'minWindowLongitude', min_window_length: 'minWindowLength' },
  DDM: { min_num_instances: 'minNumInstances', warning_level: 'warningLevel', out_control_level: 'outControlLevel' },
  EDDM: { FDDM_OUTCONTROL: 'outControlLevel', FDDM_WARNING: 'warningLevel', FDDM_MIN_NUM_INSTANCES: 'minNumInstances', min_num_errors: 'minNumErrors', m_min_num_errors: 'minNumErrors' },
  HDDM_A: { drift_confidence: 'driftConfidence', warning_confidence: 'warningConfidence', two_side_option: 'twoSided' },
  HDDM_W: { drift_confidence: 'driftConfidence', warning_confidence: 'warningConfidence', lambda_option: 'lambda', two_side_option: 'twoSided' },
  PageHinkley: { min_instances: 'minInstances', delta: 'delta', threshold: 'threshold', alpha: 'alpha' },
  KSWIN: { alpha: 'alpha', window_size: 'windowSize', stat_size: 'statSize', data: 'data' },
};

const detectorsWithWarningZone = new Set<DriftDetectorName>(['DDM', 'EDDM', 'HDDM_A', 'HDDM_W']);
const supportedDetectors = Object.keys(parameterNames) as DriftDetectorName[];

const inputSchema = z.object({
  detector: z.enum(supportedDetectors as [DriftDetectorName, ...DriftDetectorName[]]),
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.array(z.number()), z.null()])).default({}),
  stream: z.array(z.number()),
  stream_description: z.string().optional(),
  numpy_global_seed: z.number().optional(),
  random_draws: z.array(z.tuple([z.number().int(), z.array(z.number().int())])).optional(),
});

/**
 * drift_detectors.json: scikit-multiflow detectors fed element by element
 * (`add_element(x)`, then `detected_change()` / `detected_warning_zone()`), 0-based indices.
 */
export const adapter: FamilyAdapter = {
  family: 'drift_detectors',
  run(testCase): ComputedFields {
    const group = requireGroup(testCase, supportedDetectors);
    const input = parseInput(inputSchema, testCase);
    if (input.detector !== group) throw new UnsupportedCaseError(`detector ${input.detector} differs from group ${group}`);

    const options = translateParameters(group, input.params);
    let position = -1;
    if (group === 'KSWIN') {
      if (input.random_draws === undefined) throw new UnsupportedCaseError('KSWIN case without random_draws cannot be replayed');
      options.sampler = replaySampler(input.random_draws, () => position);
    }
    if (group === 'HDDM_W') options.matchScikitMultiflow = true;
    const detector: DriftDetector = createDetector(group, options);

    const driftIndices: number[] = [];
    const warningIndices: number[] = [];
    const widthAfterEachDrift: number[] = [];
    for (const [index, value] of input.stream.entries()) {
      position = index;
      detector.update(value);
      if (detector.ignoredCount > 0) throw new Error(`stream[${index}] = ${value} was not accepted by ${group}`);
      if (detector.driftDetected) {
        driftIndices.push(index);
        if (detector instanceof Adwin) widthAfterEachDrift.push(detector.windowWidth);
      }
      if (detector.warningDetected) warningIndices.push(index);
    }

    const fields: ComputedFields = { drift_indices: driftIndices };
    if (detectorsWithWarningZone.has(group)) fields.warning_indices = warningIndices;
    if (detector instanceof Adwin) {
      fields.width_after_each_drift = widthAfterEachDrift;
      fields.final_width = detector.windowWidth;
      fields.final_estimation = detector.estimation;
    }
    if (detector instanceof Kswin) fields.n_tests = detector.state.testCount;
    return fields;
  },
};

function translateParameters(detector: DriftDetectorName, params: Record<string, unknown>): Record<string, unknown> {
  const names = parameterNames[detector] ?? {};
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const option = names[name];
    if (option === undefined) throw new UnsupportedCaseError(`${detector} parameter '${name}' not understood (known: ${Object.keys(names).join(', ')})`);
    if (value !== null) options[option] = value;
  }
  return options;
}

/** Replays numpy's recorded draws `[i, indices]`, checking they were made while processing stream[i]. */
function replaySampler(draws: readonly (readonly [number, readonly number[]])[], currentPosition: () => number): IndexSampler {
  let next = 0;
  return {
    sample(populationSize: number, k: number): readonly number[] {
      const draw = draws[next];
      if (draw === undefined) throw new Error(`KSWIN drew more often than the reference (${draws.length} draws recorded)`);
      const [position, indices] = draw;
      if (position !== currentPosition()) throw new Error(`KSWIN drew at stream[${currentPosition()}], the reference at stream[${position}]`);
      if (indices.length !== k || indices.some((index) => index >= populationSize)) {
        throw new Error(`recorded draw at stream[${position}] does not fit ${k} indices below ${populationSize}`);
      }
      next += 1;
      return indices;
    },
  };
}

