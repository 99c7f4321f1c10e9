const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Seconds of a Prometheus duration made of one or more `<integer><unit>` parts (units s, m, h, d, w).
 * @throws {RangeError} naming the field and the value when it is not such a duration.
 * @example durationSeconds('1h30m', 'spc.lookback') // 5400
 */
export function durationSeconds(value: string, field: string): number {
  const parts = [...value.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value) {
    throw new RangeError(`${field} must be a Prometheus duration such as 30m, 6h or 7d, got ${JSON.stringify(value)}`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * (UNIT_SECONDS[part[2] ?? ''] ?? 0), 0);
}
