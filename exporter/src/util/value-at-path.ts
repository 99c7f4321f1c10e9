/**
 * The value at a zod issue's `path` inside the object that was validated, so that an error message
 * can show the offending value (`undefined` where the path does not exist).
 *
 * @example valueAt({ window: { slices: 0 } }, ['window', 'slices']) // 0
 */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
