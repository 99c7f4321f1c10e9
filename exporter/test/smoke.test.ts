import fc from 'fast-check';
import { z } from 'zod';
test('toolchain runs ESM TypeScript', () => {
  expect(z.number().parse(1)).toBe(1);
  fc.assert(fc.property(fc.integer(), (n) => n + 0 === n));
});
