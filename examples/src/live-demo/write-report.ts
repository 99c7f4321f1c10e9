/**
 * The demo's HTML drift report: the traffic of one phase, scored by the model, written as JSON Lines
 * and checked against the service's reference profile by the real `modelwatch check` CLI.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SimulatedRow } from '../simulator/index.js';
import { loadFraudModel, predict } from '../service/fraud-model.js';
import { PREDICTION_COLUMN, REFERENCE_PROFILE_PATH, SCORE_COLUMN, TARGET_COLUMN } from '../service/reference-data.js';

const CLI = fileURLToPath(new URL('../../../exporter/bin/modelwatch.js', import.meta.url));

export interface ReportResult {
  path: string;
  /** The CLI's exit code: 1 means drift or a failed quality check was found (expected here). */
  exitCode: number;
  error: string | undefined;
}

/**
 * Writes `rows` (features, label, the model's prediction and score) to `rowsPath` and the HTML report
 * to `reportPath`.
 */
export function writeDemoReport(rows: readonly SimulatedRow[], rowsPath: string, reportPath: string): ReportResult {
  const model = loadFraudModel();
  const lines = rows.map((row) => {
    const { score, prediction } = predict(model, row.features);
    return JSON.stringify({ ...row.features, [TARGET_COLUMN]: row.label, [PREDICTION_COLUMN]: prediction, [SCORE_COLUMN]: score });
  });
  writeFileSync(rowsPath, `${lines.join('\n')}\n`);
  const result = spawnSync(process.execPath, [CLI, 'check', '--reference', fileURLToPath(REFERENCE_PROFILE_PATH), rowsPath, '--format', 'html', '--out', reportPath], { encoding: 'utf8' });
  const exitCode = result.status ?? 2;
  return { path: reportPath, exitCode, error: exitCode === 2 ? (result.stderr.trim() || result.error?.message) : undefined };
}
