/**
 * @modelwatch/otel — ML model monitoring computed in-process and exported as OpenTelemetry metrics.
 *
 * This entry point exposes the foundation: the statistics core (matched to SciPy / scikit-learn),
 * mergeable sketches, reference profiles, drift evaluation, concept-drift detectors, streaming
 * performance/fairness accumulators and CBPE, the delayed-label store, the model monitor
 * (`createModelMonitor`, with `label()` for ground truth) and the OpenTelemetry setup (`startModelwatch`).
 */
export * from './stats/index.js';
export * from './sketches/index.js';
export * from './profile/index.js';
export * from './drift/index.js';
export * from './concept/index.js';
export * from './check/index.js';
export * from './monitor/index.js';
export * from './otel/index.js';
export * from './estimation/index.js';
export * from './performance/index.js';
export * from './labels/index.js';
export { VERSION } from './version.js';
export * from './logging/index.js';
