const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const MIN_LOG = -708;

/**
 * Pelz–Good (1976) asymptotic approximation to P(D_n ≤ x) for the two-sided one-sample
 * Kolmogorov–Smirnov statistic: the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^{3/2}, z = x√n, rewritten with Jacobi-theta identities so
 * it converges fast for small z. Mirrors SciPy 1.10 `_kolmogn_PelzGood` term for term (SciPy uses
 * it for n > 140 in the body of the distribution), so our p-values agree with SciPy's there.
 *
 * @internal
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qLog = -PI2 / 8 / z2;
  if (qLog < MIN_LOG) return 0;
  let q = Math.exp(qLog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qPower = Math.pow(q, 8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) terms[i] = (terms[i] as number) * qPower + (coefficients[i] as number);
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = ((terms[i] as number) * q * SQRT_2PI) / (divisors[i] as number);

  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2Sum = 0;
  let k3Sum = 0;
  for (let k = maxK; k > 0; k--) {
    const k2 = k * k;
    const qPower = Math.pow(q, k2);
    const kPi = Math.PI * k;
    k2Sum += k2 * qPower;
    k3Sum += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  terms[2] = (terms[2] as number) + (k2Sum * PI2 * SQRT_2PI) / (-36 * z3);
  terms[3] = (terms[3] as number) + (k3Sum * PI2 * SQRT_2PI) / (216 * z6);
  let total = 0;
  for (let i = 0; i < 4; i++) total += (terms[i] as number) / Math.pow(n, i / 2);
  return total;
}
