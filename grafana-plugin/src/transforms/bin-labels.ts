/**
 * Parses the `binLabels` option: comma-separated labels in bin-index order; blanks keep the default label.
 *
 * @example parseBinLabels('DE, FR,,US') // → ['DE', 'FR', '', 'US']
 */
export function parseBinLabels(text: string | undefined): string[] {
  if (!text || text.trim() === '') {
    return [];
  }
  return text.split(',').map((s) => s.trim());
}

/**
 * Labels of the contract's bins, which carry only indexes: numeric bins read `bin 0`, `bin 1`, …;
 * categorical bins read `category 0`, … and the last one `other` (the profile's categories in order,
 * then one "other" bin). A user label for an index wins.
 *
 * @example binIndexLabels(3, 'categorical', ['DE']) // → ['DE', 'category 1', 'other']
 */
export function binIndexLabels(count: number, kind: 'numeric' | 'categorical', userLabels: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => {
    const user = userLabels[i];
    if (user) {
      return user;
    }
    if (kind === 'numeric') {
      return `bin ${i}`;
    }
    return i === count - 1 ? 'other' : `category ${i}`;
  });
}
