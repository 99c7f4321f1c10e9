/**
 * The Jest project settings every workspace shares: TypeScript sources run as native ESM
 * (node --experimental-vm-modules), transpiled by SWC; type checking is `npm run typecheck`.
 *
 * @example export default jestProject('exporter'); // in <workspace>/jest.config.js
 * @param {string} displayName the workspace's name in Jest's output
 * @returns {import('jest').Config}
 */
export function jestProject(displayName) {
  return {
    displayName,
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
}
