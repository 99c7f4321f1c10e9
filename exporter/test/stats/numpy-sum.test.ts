import { numpyMean, numpySum } from '../../src/stats/numpy-sum.js';

// Expected numbers: numpy 1.24.2 numpy.sum / numpy.mean on float64 arrays.
describe('numpySum', () => {
  it('adds in numpy order', () => {
    expect(numpySum([0.1, 0.2, 0.3])).toBe(0.6000000000000001);
    expect(numpySum([])).toBe(0);
  });

  it('reproduces numpy means of constant arrays bit for bit', () => {
    expect(numpyMean([0.1, 0.1, 0.1])).toBe(0.10000000000000002); // numpy.mean(numpy.full(3, 0.1))
    expect(numpyMean(new Array<number>(10).fill(0.1))).toBe(0.1); // numpy.mean(numpy.full(10, 0.1))
  });

  it('adds blocks of 8192 left to right beyond one block, as numpy does', () => {
    // numpy.sum of this array is 1427142.857142857; one pairwise tree over all 20 000 gives ...573.
    const values = Array.from({ length: 20000 }, (_, i) => ((i * 7919) % 1000) / 7);
    expect(numpySum(values)).toBe(1427142.857142857);
  });
});
