const SPLITTER = 134217729; // 2^27 + 1

/**
 * Error-free product: returns [p, e] with p = fl(a·b) and a·b = p + e exactly (Dekker 1971),
 * for |a·b| well inside the double range.
 *
 * @internal
 * @example twoProduct(3, 0.1) // [0.30000000000000004, -1.6653345369377348e-17]
 */
export function twoProduct(a: number, b: number): [number, number] {
  const product = a * b;
  const [aHigh, aLow] = split(a);
  const [bHigh, bLow] = split(b);
  const error = aLow * bLow - (((product - aHigh * bHigh) - aLow * bHigh) - aHigh * bLow);
  return [product, error];
}

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const high = c - (c - a);
  return [high, a - high];
}
