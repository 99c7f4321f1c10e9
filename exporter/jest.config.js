import { jestProject } from '../scripts/jest-project.js';

export default jestProject('exporter');
