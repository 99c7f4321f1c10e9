/**
 * The committed alert rules (alert-rules/rules/*.rules.yaml) with second-scale timing for tests:
 * every group evaluated each second and every `for` shortened to 1 s, expressions untouched, so
 * `ALERTS` gets series within seconds of a fault.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { WORKSPACE_DIR } from '../../src/paths.js';

/** `alert-rules/rules/`. */
export const RULES_DIR = join(WORKSPACE_DIR, '..', 'alert-rules', 'rules');

interface RuleFile {
  groups: Array<{ name: string; interval?: string; rules: Array<Record<string, unknown>> }>;
}

/** Writes the fast copies into `dir` and returns their absolute paths. */
export function writeFastRuleFiles(dir: string): string[] {
  const names = readdirSync(RULES_DIR).filter((name) => name.endsWith('.rules.yaml')).sort();
  if (names.length === 0) throw new Error(`no *.rules.yaml in ${RULES_DIR}`);
  return names.map((name) => {
    const file = parse(readFileSync(join(RULES_DIR, name), 'utf8')) as RuleFile;
    for (const group of file.groups) {
      group.interval = '1s';
      for (const rule of group.rules) if ('for' in rule) rule.for = '1s';
    }
    const path = join(dir, name);
    writeFileSync(path, stringify(file));
    return path;
  });
}
