/**
 * Jest settings of the long reliability runs (`npm run test:soak` in exporter/): the exporter's project
 * settings, matching only `test/soak/*.soak.ts`, so `npm test` never runs them.
 */
import { jestProject } from '../../../scripts/jest-project.js';

const project = jestProject('exporter-soak');

export default { ...project, rootDir: '../..', testMatch: ['<rootDir>/test/soak/**/*.soak.ts'] };
