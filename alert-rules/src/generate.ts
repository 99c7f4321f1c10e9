/** CLI: writes the rule files of the default config into alert-rules/rules/ and their Grafana twins into alert-rules/grafana/ (run: npm run rules:generate). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from './config.js';
import { renderGrafanaFiles } from './grafana-rules.js';
import { renderRuleFiles } from './render-rule-files.js';

const WORKSPACE = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Directory holding the committed rule files. */
export const RULES_DIR = join(WORKSPACE, 'rules');
/** Directory holding the committed Grafana alert provisioning files. */
export const GRAFANA_DIR = join(WORKSPACE, 'grafana');

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  for (const [dir, files] of [
    [RULES_DIR, renderRuleFiles(defaultConfig)],
    [GRAFANA_DIR, renderGrafanaFiles(defaultConfig)],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) {
      writeFileSync(join(dir, name), text);
      console.log(`wrote ${dir.slice(WORKSPACE.length + 1)}/${name}`);
    }
  }
}
