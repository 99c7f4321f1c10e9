import { jestProject } from '../scripts/jest-project.js';

export default jestProject('alert-rules');
