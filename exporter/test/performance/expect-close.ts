/**
 * Deep comparison of accumulator results that may differ in the last bits of float sums:
 * numbers match when both are NaN or |a − b| ≤ 1e-12 + 1e-9·|b|; everything else must be equal.
 */
export function expectClose(actual: unknown, expected: unknown, path = 'result'): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') throw new Error(`${path}: got ${String(actual)}, expected the number ${expected}`);
    if (Number.isNaN(expected) && Number.isNaN(actual)) return;
    if (actual === expected) return;
    if (!(Math.abs(actual - expected) <= 1e-12 + 1e-9 * Math.abs(expected))) throw new Error(`${path}: got ${actual}, expected ${expected}`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') throw new Error(`${path}: got ${String(actual)}, expected an object`);
    const expectedKeys = Object.keys(expected).sort();
    const actualKeys = Object.keys(actual).sort();
    if (JSON.stringify(expectedKeys) !== JSON.stringify(actualKeys)) throw new Error(`${path}: keys ${actualKeys.join(',')} vs ${expectedKeys.join(',')}`);
    for (const key of expectedKeys) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  if (actual !== expected) throw new Error(`${path}: got ${String(actual)}, expected ${String(expected)}`);
}
