import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `dashboards/`. */
export const WORKSPACE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `dashboards/json/`: the committed dashboards the file provider loads. */
export const JSON_DIR = join(WORKSPACE_DIR, 'json');
/** `dashboards/provisioning/`: Grafana's provisioning folder. */
export const PROVISIONING_DIR = join(WORKSPACE_DIR, 'provisioning');
