/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares): small, exact and deterministic, enough for the example's 19 coefficients.
 */

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is n × n, row-major arrays). */
export function solveLinearSystem(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    const head = a[col]!;
    if (head[col] === 0) throw new RangeError(`solveLinearSystem: the matrix is singular at column ${col}`);
    for (let row = col + 1; row < n; row++) {
      const current = a[row]!;
      const factor = current[col]! / head[col]!;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) current[k]! -= factor * head[k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
}

/**
 * Fits P(y = 1 | x) = σ(b + w · x), minimising log loss + (l2 / 2)·|w|² (the intercept is not penalised).
 *
 * @example fitLogisticRegression([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 1 }).weights[0] // > 0
 */
export function fitLogisticRegression(x: readonly (readonly number[])[], y: readonly number[], options: { l2?: number; maxIterations?: number; tolerance?: number } = {}): LogisticFit {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-9;
  const d = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const gradient = new Array<number>(d).fill(0);
    const row = new Array<number>(d).fill(1);
    x.forEach((values, i) => {
      for (let k = 1; k < d; k++) row[k] = values[k - 1]!;
      let logit = 0;
      for (let k = 0; k < d; k++) logit += beta[k]! * row[k]!;
      const p = 1 / (1 + Math.exp(-logit));
      const w = p * (1 - p);
      const residual = y[i]! - p;
      for (let j = 0; j < d; j++) {
        gradient[j]! += residual * row[j]!;
        const hj = hessian[j]!;
        for (let k = 0; k <= j; k++) hj[k]! += w * row[j]! * row[k]!;
      }
    });
    for (let j = 0; j < d; j++) {
      for (let k = j + 1; k < d; k++) hessian[j]![k] = hessian[k]![j]!;
      if (j > 0) {
        hessian[j]![j]! += l2;
        gradient[j]! -= l2 * beta[j]!;
      }
    }
    const step = solveLinearSystem(hessian, gradient);
    beta = beta.map((value, k) => value + step[k]!);
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      iterations++;
      break;
    }
  }
  return { intercept: beta[0]!, weights: beta.slice(1), iterations };
}
