/** CLI: writes the rule files of the default config into alert-rules/rules/ (run: npm run rules:generate). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from './config.js';
import { renderRuleFiles } from './render-rule-files.js';

/** Directory holding the committed rule files. */
export const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  mkdirSync(RULES_DIR, { recursive: true });
  for (const [name, text] of renderRuleFiles(defaultConfig)) {
    writeFileSync(join(RULES_DIR, name), text);
    console.log(`wrote rules/${name}`);
  }
}
