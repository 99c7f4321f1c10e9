/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as @grafana/create-plugin writes this file */
// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

/**
 * The scaffold's Jest setup (jsdom, SWC, Grafana's ESM-only dependencies transformed), extended:
 * `.mjs` files are transformed too (d3-color and others ship only ES modules), and the browser
 * test under `test/` runs beside the unit tests in `src/`.
 * @type {import('jest').Config}
 */
module.exports = {
  ...base,
  displayName: 'grafana-plugin',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  transform: {
    ...base.transform,
    '^.+\\.mjs$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'd3-.*', 'internmap', 'delaunator', 'robust-predicates'])],
};
