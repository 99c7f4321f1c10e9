import { inferKind, assertKindOverrides } from '../../src/profile/index.js';

describe('inferKind', () => {
  it('reads numbers as numeric, true/false as boolean and strings as categorical, ignoring missing values', () => {
    expect(inferKind('age', [31, 45.5, null, NaN, undefined])).toBe('numeric');
    expect(inferKind('is_new', [true, false, null])).toBe('boolean');
    expect(inferKind('city', ['Oslo', '', 'Lima'])).toBe('categorical');
  });

  it('keeps numeric columns with few distinct integers numeric', () => {
    expect(inferKind('rating', [1, 2, 3, 2, 1, 3, 3])).toBe('numeric');
  });

  it('reads 0/1 columns as boolean only when the user says so', () => {
    expect(inferKind('churned', [0, 1, 1, 0])).toBe('numeric');
    expect(inferKind('churned', [0, 1, 1, 0], { zeroOneAsBoolean: true })).toBe('boolean');
    expect(inferKind('churned', [0, 1, 1, 0], { zeroOneAsBoolean: ['churned'] })).toBe('boolean');
    expect(inferKind('other', [0, 1, 1, 0], { zeroOneAsBoolean: ['churned'] })).toBe('numeric');
    expect(inferKind('count', [0, 1, 2], { zeroOneAsBoolean: true })).toBe('numeric');
  });

  it('lets the majority type decide a mixed column (ties go to categorical)', () => {
    expect(inferKind('x', [1, 2, 3, 'oops'])).toBe('numeric');
    expect(inferKind('x', [1, 'a'])).toBe('categorical');
    expect(inferKind('x', ['1.5', '2'])).toBe('categorical');
  });

  it('makes an all-missing column categorical', () => {
    expect(inferKind('empty', [null, undefined, ''])).toBe('categorical');
  });

  it('applies overrides over the values', () => {
    const overrides = { categorical: ['zip'], numeric: ['code'], boolean: ['flag'] };
    expect(inferKind('zip', [1234, 5678], { overrides })).toBe('categorical');
    expect(inferKind('code', ['a'], { overrides })).toBe('numeric');
    expect(inferKind('flag', [0, 1], { overrides })).toBe('boolean');
  });

  it('rejects contradictory or malformed overrides, naming the column', () => {
    expect(() => assertKindOverrides({ categorical: ['a'], numeric: ['a'] })).toThrow(/column "a" is listed as both categorical and numeric/);
    expect(() => assertKindOverrides({ text: ['a'] })).toThrow(/unknown key "text"/);
    expect(() => assertKindOverrides({ numeric: 'a' })).toThrow(/numeric must be an array of column names/);
  });
});
