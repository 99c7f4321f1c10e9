/**
 * Throws unless two quantile sketches share α, the bin limit and the center, which merging them or
 * comparing them bucket by bucket needs.
 *
 * @internal
 */
export function assertSameParameters(a: SketchParameters, b: SketchParameters): void {
  if (a.relativeAccuracy !== b.relativeAccuracy || a.binLimit !== b.binLimit || a.center !== b.center) {
    throw new RangeError(
      `quantile sketches must share relativeAccuracy, binLimit and center: got (${a.relativeAccuracy}, ${a.binLimit}, ${a.center}) and (${b.relativeAccuracy}, ${b.binLimit}, ${b.center})`,
    );
  }
}

interface SketchParameters {
  relativeAccuracy: number;
  binLimit: number;
  center: number;
}
