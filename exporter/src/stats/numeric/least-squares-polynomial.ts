/**
 * Least-squares polynomial fit, coefficients highest power first, like `numpy.polyfit(x, y, degree)`:
 * Vandermonde columns scaled to unit norm, then solved by Householder QR (NumPy uses an SVD; both
 * are backward stable, so the coefficients agree to rounding).
 *
 * @internal
 * @example fitPolynomial([0, 1, 2], [1, 3, 7], 2) // ≈ [1, 1, 1]: y = x² + x + 1
 */
export function fitPolynomial(x: ArrayLike<number>, y: ArrayLike<number>, degree: number): number[] {
  const rows = x.length;
  const columns = degree + 1;
  if (rows < columns) throw new RangeError(`need at least ${columns} points for degree ${degree}, got ${rows}`);
  const a: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < columns; j++) row.push(Math.pow(x[i] as number, degree - j));
    a.push(row);
  }
  const scale: number[] = [];
  for (let j = 0; j < columns; j++) {
    let sumSquares = 0;
    for (let i = 0; i < rows; i++) sumSquares += (a[i]?.[j] as number) ** 2;
    const norm = Math.sqrt(sumSquares);
    scale.push(norm);
    for (let i = 0; i < rows; i++) (a[i] as number[])[j] = (a[i]?.[j] as number) / norm;
  }
  const b = Array.from(y);
  // Householder QR: reduce a to upper-triangular R, applying the same reflections to b.
  for (let j = 0; j < columns; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += (a[i]?.[j] as number) ** 2;
    norm = Math.sqrt(norm);
    const pivot = a[j]?.[j] as number;
    const alpha = pivot > 0 ? -norm : norm;
    const v: number[] = new Array<number>(rows).fill(0);
    v[j] = pivot - alpha;
    for (let i = j + 1; i < rows; i++) v[i] = a[i]?.[j] as number;
    let vNorm2 = 0;
    for (let i = j; i < rows; i++) vNorm2 += (v[i] as number) ** 2;
    if (vNorm2 === 0) continue;
    for (let c = j; c < columns; c++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += (v[i] as number) * (a[i]?.[c] as number);
      const factor = (2 * dot) / vNorm2;
      for (let i = j; i < rows; i++) (a[i] as number[])[c] = (a[i]?.[c] as number) - factor * (v[i] as number);
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += (v[i] as number) * (b[i] as number);
    const factor = (2 * dot) / vNorm2;
    for (let i = j; i < rows; i++) b[i] = (b[i] as number) - factor * (v[i] as number);
  }
  const coefficients = new Array<number>(columns).fill(0);
  for (let j = columns - 1; j >= 0; j--) {
    let value = b[j] as number;
    for (let c = j + 1; c < columns; c++) value -= (a[j]?.[c] as number) * (coefficients[c] as number);
    coefficients[j] = value / (a[j]?.[j] as number);
  }
  return coefficients.map((c, j) => c / (scale[j] as number));
}

/** Evaluates a polynomial (coefficients highest power first) by Horner's rule, like `numpy.polyval`. */
export function evaluatePolynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}
