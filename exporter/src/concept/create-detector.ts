import { Adwin, type AdwinOptions } from './adwin.js';
import { Cusum, type CusumOptions } from './cusum.js';
import { Ddm, type DdmOptions } from './ddm.js';
import { Eddm, type EddmOptions } from './eddm.js';
import { HddmA, type HddmAOptions } from './hddm-a.js';
import { HddmW, type HddmWOptions } from './hddm-w.js';
import { Kswin, type KswinOptions } from './kswin.js';
import { PageHinkley, type PageHinkleyOptions } from './page-hinkley.js';

/** Every detector name {@link createDetector} accepts (scikit-multiflow class names; CUSUM from MOA). */
export const driftDetectorNames = ['ADWIN', 'DDM', 'EDDM', 'HDDM_A', 'HDDM_W', 'PageHinkley', 'KSWIN', 'CUSUM'] as const;

/** A registered detector name. */
export type DriftDetectorName = (typeof driftDetectorNames)[number];

/** Constructor options of each registered detector. */
export interface DriftDetectorOptionsByName {
  ADWIN: AdwinOptions;
  DDM: DdmOptions;
  EDDM: EddmOptions;
  HDDM_A: HddmAOptions;
  HDDM_W: HddmWOptions;
  PageHinkley: PageHinkleyOptions;
  KSWIN: KswinOptions;
  CUSUM: CusumOptions;
}

/** Detector class of each registered name. */
export interface DriftDetectorByName {
  ADWIN: Adwin;
  DDM: Ddm;
  EDDM: Eddm;
  HDDM_A: HddmA;
  HDDM_W: HddmW;
  PageHinkley: PageHinkley;
  KSWIN: Kswin;
  CUSUM: Cusum;
}

const factories: { [N in DriftDetectorName]: (options: DriftDetectorOptionsByName[N]) => DriftDetectorByName[N] } = {
  ADWIN: (options) => new Adwin(options),
  DDM: (options) => new Ddm(options),
  EDDM: (options) => new Eddm(options),
  HDDM_A: (options) => new HddmA(options),
  HDDM_W: (options) => new HddmW(options),
  PageHinkley: (options) => new PageHinkley(options),
  KSWIN: (options) => new Kswin(options),
  CUSUM: (options) => new Cusum(options),
};

/**
 * Builds a concept-drift detector by name, e.g. from configuration. Options use the camelCase
 * names of each detector's constructor; defaults are scikit-multiflow's (MOA's for CUSUM).
 *
 * @throws RangeError for an unknown name, an unknown option or an out-of-range option value
 * @throws TypeError for an option of the wrong type
 * @example
 * const detector = createDetector('DDM', { warningLevel: 2.5 });
 * detector.update(1).warningDetected; // false
 */
export function createDetector<N extends DriftDetectorName>(name: N, options: DriftDetectorOptionsByName[N] = {}): DriftDetectorByName[N] {
  if (!isDriftDetectorName(name)) {
    throw new RangeError(`unknown drift detector ${JSON.stringify(name)} (known: ${driftDetectorNames.join(', ')})`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options of ${name} must be an object, got ${String(options)}`);
  }
  return factories[name](options);
}

/** Whether `name` is a registered detector name. */
export function isDriftDetectorName(name: unknown): name is DriftDetectorName {
  return typeof name === 'string' && (driftDetectorNames as readonly string[]).includes(name);
}
