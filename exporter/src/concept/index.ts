/**
 * Streaming concept-drift detectors with a River-like API (`update(x)` returns the detector;
 * `driftDetected`, `warningDetected`), reproducing scikit-multiflow's indices. See docs/concept-drift.md.
 */
export * from './types.js';
export * from './adwin.js';
export * from './ddm.js';
export * from './eddm.js';
export * from './hddm-a.js';
export * from './hddm-w.js';
export * from './page-hinkley.js';
export * from './kswin.js';
export * from './cusum.js';
export * from './index-sampler.js';
export * from './create-detector.js';
