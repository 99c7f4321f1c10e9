/**
 * Position of a value on a colour scale, 0 (good end) to 1 (bad end), clamped. A flat scale
 * (min = max) reads 0.5 so the one colour is neutral.
 *
 * @example scalePosition(0.25, 0, 1, 'higherIsWorse') // → 0.25
 * @example scalePosition(0.25, 0, 1, 'higherIsBetter') // → 0.75
 */
export function scalePosition(value: number, min: number, max: number, direction: 'higherIsBetter' | 'higherIsWorse'): number {
  if (!Number.isFinite(value) || !Number.isFinite(min) || !Number.isFinite(max)) {
    return Number.NaN;
  }
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  return direction === 'higherIsWorse' ? t : 1 - t;
}

/**
 * Linear mix of colours along stops (hex `#rrggbb`), `t` in [0, 1].
 *
 * @example mixStops(['#000000', '#ffffff'], 0.5) // → '#808080'
 */
export function mixStops(stops: readonly string[], t: number): string {
  if (stops.length === 0) {
    return '#808080';
  }
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const scaled = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  if (i < 0) {
    return stops[0] ?? '#808080';
  }
  const a = parseHex(stops[i] ?? '#808080');
  const b = parseHex(stops[i + 1] ?? '#808080');
  const f = scaled - i;
  return `#${a.map((c, k) => Math.round(c + ((b[k] ?? c) - c) * f).toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): number[] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const digits = m?.[1] ?? '808080';
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
}
