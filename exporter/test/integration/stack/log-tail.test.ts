import { LogTail } from './log-tail.js';

test('keeps the last lines, joining lines split across chunks', () => {
  const tail = new LogTail(2);
  tail.append('first\nsec');
  tail.append(Buffer.from('ond\nthird\nunfinished'));
  expect(tail.snapshot()).toEqual(['second', 'third', 'unfinished']);
  expect(tail.toString()).toBe('second\nthird\nunfinished');
});

test('capacity must be a positive integer', () => {
  expect(() => new LogTail(0)).toThrow(RangeError);
  expect(() => new LogTail(1.5)).toThrow(/capacity must be a positive integer, got 1.5/);
});
