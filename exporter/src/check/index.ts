export * from './compare-to-profile.js';
export * from './comparison-accumulator.js';
export * from './feature-tally.js';
export * from './quality-checks.js';
export * from './current-values.js';
