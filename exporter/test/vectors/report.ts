import type { CaseResult } from './run-case.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/**
 * Formats the results as one table per family and the closing line `vectors: N passed, M failed`.
 */
export function formatReport(results: readonly CaseResult[], fileProblems: readonly string[]): string {
  const lines: string[] = [];
  const families = [...new Set(results.map((result) => result.family))];
  for (const family of families) {
    const rows = results.filter((result) => result.family === family);
    const passed = rows.filter((row) => row.passed).length;
    lines.push('', `${family}: ${passed}/${rows.length} passed`);
    const idWidth = Math.max(4, ...rows.map((row) => row.id.length));
    const groupWidth = Math.max(5, ...rows.map((row) => row.group.length));
    lines.push(`  ${pad('case', idWidth)}  ${pad('group', groupWidth)}  result  fields  detail`);
    for (const row of rows) {
      const detail = row.problem ?? (row.mismatches.length > 0
        ? row.mismatches.slice(0, 3).map((m) => `${m.path}: got ${String(m.actual)} want ${String(m.expected)} (${m.reason})`).join('; ')
        : row.unclaimed.length > 0 ? `not claimed: ${row.unclaimed.join(', ')}` : '');
      lines.push(`  ${pad(row.id, idWidth)}  ${pad(row.group, groupWidth)}  ${pad(row.passed ? 'pass' : 'FAIL', 6)}  ${pad(String(row.compared.length), 6)}  ${detail}`);
    }
  }
  for (const problem of fileProblems) lines.push('', `FILE FAIL ${problem}`);
  const passedCount = results.filter((result) => result.passed).length;
  const failedCount = results.length - passedCount + fileProblems.length;
  lines.push('', `vectors: ${passedCount} passed, ${failedCount} failed`, '');
  return lines.join('\n');
}
