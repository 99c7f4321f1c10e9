/**
 * A number for a panel cell: `–` when absent, fixed decimals, scientific for tiny non-zero values
 * (p-values) and very large ones.
 *
 * @example formatNumber(0.123456, 3) // → '0.123'
 * @example formatNumber(2.5e-9, 3) // → '2.50e-9'
 */
export function formatNumber(value: number | undefined, decimals: number): string {
  if (value === undefined || Number.isNaN(value)) {
    return '–';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '∞' : '-∞';
  }
  const abs = Math.abs(value);
  if (value !== 0 && (abs < 10 ** -decimals || abs >= 1e9)) {
    return value.toExponential(2).replace('e+', 'e');
  }
  return value.toFixed(decimals);
}

/** A fraction as a percentage. @example formatPercent(0.1234) // → '12.3%' */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '–';
}

/** A count with thousands separators. @example formatCount(12345) // → '12,345' */
export function formatCount(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US');
}
