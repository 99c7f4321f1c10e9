/**
 * Ranks 1…N of `values` with ties given the average of the ranks they span, like
 * `scipy.stats.rankdata(values, method='average')`.
 *
 * @internal
 * @example midranks([10, 20, 20, 30]) // Float64Array [1, 2.5, 2.5, 4]
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end++;
    const rank = 0.5 * (start + 1 + end);
    for (let i = start; i < end; i++) ranks[order[i] as number] = rank;
    start = end;
  }
  return ranks;
}
