import { z } from 'zod';

/** Serialised form of an {@link IsotonicCalibrationMap}: its knots, x strictly increasing, y non-decreasing. */
export interface IsotonicCalibrationMapJson {
  readonly type: 'modelwatch.isotonic-calibration-map';
  readonly version: 1;
  readonly x: number[];
  readonly y: number[];
}

const mapJsonSchema = z.object({
  type: z.literal('modelwatch.isotonic-calibration-map'),
  version: z.literal(1),
  x: z.array(z.number()).min(1),
  y: z.array(z.number()).min(1),
});

/**
 * A fitted non-decreasing calibration map, evaluated as scikit-learn's
 * `IsotonicRegression(out_of_bounds='clip').predict(T)`: linear interpolation between the knots
 * (`X_thresholds_`, `y_thresholds_`), inputs clipped to [first knot, last knot], a single knot
 * predicting its value everywhere. Build one with `fitIsotonicRegression`.
 *
 * @example
 * const map = new IsotonicCalibrationMap([0, 1], [0.2, 0.6]);
 * map.predict(0.5) // 0.4
 * map.predict(7)   // 0.6 (clipped)
 */
export class IsotonicCalibrationMap {
  private readonly knotsX: readonly number[];
  private readonly knotsY: readonly number[];

  /**
   * @param x knot positions, finite and strictly increasing.
   * @param y knot values, finite and non-decreasing, same length as `x`.
   * @throws RangeError/TypeError when the knots are empty, of unequal length, not finite or not monotone.
   */
  constructor(x: readonly number[], y: readonly number[]) {
    if (!Array.isArray(x) || !Array.isArray(y)) throw new TypeError('IsotonicCalibrationMap knots x and y must be arrays');
    if (x.length === 0) throw new RangeError('IsotonicCalibrationMap needs at least one knot, got none');
    if (x.length !== y.length) throw new RangeError(`knots x and y must have the same length, got ${x.length} and ${y.length}`);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      const yi = y[i] as number;
      if (!Number.isFinite(xi) || !Number.isFinite(yi)) throw new RangeError(`knot ${i} must be finite, got (${xi}, ${yi})`);
      if (i > 0 && !(xi > (x[i - 1] as number))) throw new RangeError(`knot x must be strictly increasing; x[${i}] = ${xi} follows ${x[i - 1]}`);
      if (i > 0 && yi < (y[i - 1] as number)) throw new RangeError(`knot y must be non-decreasing; y[${i}] = ${yi} follows ${y[i - 1]}`);
    }
    this.knotsX = [...x];
    this.knotsY = [...y];
  }

  /** Knot positions (scikit-learn `X_thresholds_`). */
  get x(): readonly number[] {
    return this.knotsX;
  }

  /** Knot values (scikit-learn `y_thresholds_`). */
  get y(): readonly number[] {
    return this.knotsY;
  }

  /**
   * The calibrated value at `score`: clipped to the knot range, then interpolated linearly.
   * @throws RangeError when `score` is not a finite number.
   */
  predict(score: number): number {
    if (typeof score !== 'number' || !Number.isFinite(score)) throw new RangeError(`score must be a finite number, got ${String(score)}`);
    const xs = this.knotsX;
    const ys = this.knotsY;
    const last = xs.length - 1;
    if (score <= (xs[0] as number)) return ys[0] as number;
    if (score >= (xs[last] as number)) return ys[last] as number;
    let low = 0;
    let high = last;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if ((xs[middle] as number) <= score) low = middle;
      else high = middle;
    }
    const x0 = xs[low] as number;
    const y0 = ys[low] as number;
    const y1 = ys[high] as number;
    return y0 + ((y1 - y0) * (score - x0)) / ((xs[high] as number) - x0);
  }

  /** Plain JSON state, e.g. to store in a reference profile. */
  toJSON(): IsotonicCalibrationMapJson {
    return { type: 'modelwatch.isotonic-calibration-map', version: 1, x: [...this.knotsX], y: [...this.knotsY] };
  }

  /**
   * Rebuilds a map from {@link IsotonicCalibrationMap.toJSON} output.
   * @throws TypeError when `json` is not a version-1 map; RangeError when its knots are invalid.
   */
  static fromJSON(json: unknown): IsotonicCalibrationMap {
    const parsed = mapJsonSchema.safeParse(json);
    if (!parsed.success) throw new TypeError(`not an isotonic calibration map (version 1): ${parsed.error.message}`);
    return new IsotonicCalibrationMap(parsed.data.x, parsed.data.y);
  }
}
