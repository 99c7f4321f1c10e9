export * from './methods.js';
export * from './feature-drift-data.js';
export * from './binned-ks.js';
export * from './evaluate-feature-drift.js';
export * from './dataset-drift.js';
