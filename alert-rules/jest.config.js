/**
 * Jest runs the TypeScript sources as native ESM (node --experimental-vm-modules),
 * transpiled by SWC; type checking is `npm run typecheck`.
 * @type {import('jest').Config}
 */
export default {
  displayName: 'alert-rules',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
};
