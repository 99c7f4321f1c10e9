/** Test helpers: paths of this workspace and the real stack binaries, and a child-process runner. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepositoryRoot, resolveStackBinaries } from '../../exporter/test/integration/stack/index.js';

/** `alert-rules/`. */
export const WORKSPACE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `alert-rules/rules/`: the committed rule files. */
export const RULES_DIR = join(WORKSPACE_DIR, 'rules');
/** `alert-rules/grafana/`: the committed Grafana alert provisioning files. */
export const GRAFANA_DIR = join(WORKSPACE_DIR, 'grafana');
/** `alert-rules/tests/`: the promtool unit tests. */
export const PROMTOOL_TESTS_DIR = join(WORKSPACE_DIR, 'tests');

/** promtool / amtool from `.stack/bin` (installed on first use); vmalert and vmalert-tool when the Debian package shipped them. */
export function stackTools(): { promtool: string; amtool: string; alertmanager: string; vmalert: string | undefined; vmalertTool: string | undefined } {
  const binaries = resolveStackBinaries();
  const debianBin = (name: string) => {
    const path = join(findRepositoryRoot(), '.stack', 'root', 'usr', 'bin', name);
    return existsSync(path) ? path : undefined;
  };
  return { promtool: binaries.promtool, amtool: binaries.amtool, alertmanager: binaries.alertmanager, vmalert: debianBin('vmalert'), vmalertTool: debianBin('vmalert-tool') };
}

/** Result of one tool run. */
export interface ToolRun {
  readonly status: number | null;
  /** stdout and stderr together, for assertion messages. */
  readonly output: string;
}

/**
 * Runs a tool synchronously with a time limit: 20 s by default (most runs take well under a second);
 * the unit tests of the SPC rules evaluate a day of 1-minute history and get more.
 */
export function runTool(binary: string, args: readonly string[], cwd = WORKSPACE_DIR, timeoutMs = 20_000): ToolRun {
  const result = spawnSync(binary, args, { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}
