export * from './compare-to-profile.js';
export * from './quality-checks.js';
export * from './current-values.js';
