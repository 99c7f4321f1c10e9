/** Prediction logging: sampled, privacy-filtered logs of single inferences through the OpenTelemetry Logs API. */
export { createPredictionLogger, PREDICTION_LOG_ATTRIBUTES, PREDICTION_LOG_EVENT } from './create-prediction-logger.js';
export type { PredictionLogger, PredictionLogInput, PredictionLoggerStats } from './create-prediction-logger.js';
export { PREDICTION_LOGGER_DEFAULTS } from './prediction-logger-options.js';
export type { PredictionLoggerOptions } from './prediction-logger-options.js';
export { FIELD_POLICIES } from './field-policy.js';
export type { FieldPolicy } from './field-policy.js';
