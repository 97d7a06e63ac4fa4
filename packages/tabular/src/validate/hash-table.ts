/**
 * 53-bit string hash (cyrb53) of one string or of a row's cells (separated, so ["ab", "c"] and
 * ["a", "bc"] differ). Validation remembers hashes rather than strings: a million kept strings cost
 * ~60 bytes each plus the parser chunk each one was sliced from.
 */
export function hash53(parts: string | readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const list = typeof parts === "string" ? [parts] : parts;
  for (const part of list) {
    for (let i = 0; i < part.length; i += 1) {
      const code = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 31-bit FNV-1a hash of a row's cells (separated, like {@link hash53}): half the work of `hash53`
 * for the one hash taken of every whole row, which is only ever compared between rows sharing a key.
 */
export function hash31(cells: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i += 1) hash = Math.imul(hash ^ cell.charCodeAt(i), 16777619);
    hash = Math.imul(hash ^ 0x1f, 16777619);
  }
  return (hash >>> 1) & 0x7fffffff;
}

const empty = -1;

/** The power-of-two capacity that holds `entries` at most half full (at least 1,024). */
export function capacityFor(entries: number): number {
  let capacity = 1024;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

/**
 * An open-addressing set of 53-bit hashes in one typed array: 16 bytes per entry at most half full,
 * against ~90 for a `Set` of strings. Two distinct values share a hash with odds about n²/2⁵⁴
 * (1 in 18,000 for a million distinct values in one file).
 */
export class HashSet53 {
  protected keys: Float64Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity).fill(empty);
  }

  protected slot(key: number): number {
    const mask = this.keys.length - 1;
    // The low 32 bits of a cyrb53 hash are well mixed: use them as the probe start.
    let index = (key >>> 0) & mask;
    while (this.keys[index] !== empty && this.keys[index] !== key) index = (index + 1) & mask;
    return index;
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] !== empty;
  }

  add(key: number): void {
    this.insert(key);
  }

  /** The key's slot, inserted if new (growing first when the table would be over half full). */
  protected insert(key: number): number {
    let index = this.slot(key);
    if (this.keys[index] !== empty) return index;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      index = this.slot(key);
    }
    this.keys[index] = key;
    this.size += 1;
    return index;
  }

  protected grow(): void {
    const { keys } = this;
    this.keys = new Float64Array(keys.length * 2).fill(empty);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as number;
      if (key !== empty) this.keys[this.slot(key)] = key;
    }
  }
}

/**
 * The value {@link HashTable53.add} stores: the key is known (a reference pass met it) but no row hash
 * was set yet. Row hashes are 31-bit and never negative, so it is never a row's hash.
 */
export const keyOnly = -1;

/**
 * A {@link HashSet53} that also maps each hash to a 32-bit integer (a second typed array, 24 bytes per
 * entry in all), for the key → row-hash table. `add` stores {@link keyOnly}, so one table can be the
 * reference pass's set of keys and then validation's key → row-hash table.
 */
export class HashTable53 extends HashSet53 {
  private values: Int32Array;

  constructor(capacity = 1024) {
    super(capacity);
    this.values = new Int32Array(capacity);
  }

  get(key: number): number | undefined {
    const index = this.slot(key);
    return this.keys[index] === empty ? undefined : this.values[index];
  }

  override add(key: number): void {
    const index = this.slot(key);
    if (this.keys[index] === empty) this.set(key, keyOnly);
  }

  set(key: number, value: number): void {
    // Insert first: it may grow the table, replacing `values`.
    const index = this.insert(key);
    this.values[index] = value;
  }

  protected override grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(empty);
    this.values = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as number;
      if (key === empty) continue;
      const index = this.slot(key);
      this.keys[index] = key;
      this.values[index] = values[i] as number;
    }
  }
}
