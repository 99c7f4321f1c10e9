/**
 * Resolves the keys of `observe`'s `features` object to monitored columns. Services pass objects
 * of the same shape again and again, so the keys come in the same order: the index remembers which
 * column the key at each position named last time, and a repeated key costs one string comparison
 * instead of a Map lookup. Memory: at most `capacity` remembered keys, each at most
 * MAX_REMEMBERED_KEY_LENGTH characters long. @internal
 */

/** Longer input keys are resolved every time, never kept. */
export const MAX_REMEMBERED_KEY_LENGTH = 256;

/** What an input key names: a column T, KNOWN_INPUT (a profile column that is not recorded, or the segment attribute), or undefined (unknown). */
export const KNOWN_INPUT = null;

export class InputKeyIndex<T extends object> {
  private readonly keys: (string | undefined)[];
  private readonly targets: (T | typeof KNOWN_INPUT | undefined)[];

  /**
   * @param columns the recorded columns by input key
   * @param isKnown true for keys that are expected but not recorded (not counted as unknown)
   * @param capacity positions remembered (inputs with more keys resolve the rest by lookup)
   */
  constructor(private readonly columns: ReadonlyMap<string, T>, private readonly isKnown: (key: string) => boolean, private readonly capacity: number) {
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.targets = new Array<T | typeof KNOWN_INPUT | undefined>(capacity).fill(undefined);
  }

  /** What `key`, the input's key number `position`, names. */
  resolve(key: string, position: number): T | typeof KNOWN_INPUT | undefined {
    if (position >= this.capacity) return this.lookup(key);
    if (this.keys[position] === key) return this.targets[position];
    const target = this.lookup(key);
    if (key.length <= MAX_REMEMBERED_KEY_LENGTH) {
      this.keys[position] = key;
      this.targets[position] = target;
    }
    return target;
  }

  private lookup(key: string): T | typeof KNOWN_INPUT | undefined {
    const column = this.columns.get(key);
    if (column !== undefined) return column;
    return this.isKnown(key) ? KNOWN_INPUT : undefined;
  }
}
