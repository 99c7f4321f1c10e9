/**
 * One Jest run for the whole repository: every workspace is a Jest project,
 * so `npm test` prints one summary (and the plain "N passed, N failed" line CI reads).
 * @type {import('jest').Config}
 */
export default {
  projects: ['<rootDir>/exporter', '<rootDir>/examples', '<rootDir>/alert-rules', '<rootDir>/dashboards', '<rootDir>/grafana-plugin'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
};
