import { jestProject } from '../scripts/jest-project.js';

export default jestProject('dashboards');
