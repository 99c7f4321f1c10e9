/**
 * `npm run dashboards:generate -w dashboards`: writes every dashboard to `dashboards/json/<uid>.json`
 * and removes JSON files no dashboard produces any more.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_DIR } from './paths.js';
import { renderDashboards } from './render.js';

const files = renderDashboards();
mkdirSync(JSON_DIR, { recursive: true });
for (const name of readdirSync(JSON_DIR)) {
  if (name.endsWith('.json') && !files.has(name)) rmSync(join(JSON_DIR, name));
}
for (const [name, text] of files) writeFileSync(join(JSON_DIR, name), text);
console.log(`wrote ${files.size} dashboards to ${JSON_DIR}: ${[...files.keys()].join(', ')}`);
