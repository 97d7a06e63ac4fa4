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

const empty = -1;

/**
 * An open-addressing table from 53-bit hashes to 32-bit integers in two typed arrays: about 24 bytes
 * per entry at most half full, against ~90 for a `Map` of strings to heap numbers. Two distinct values
 * share a hash with odds about n²/2⁵⁴ (1 in 18,000 for a million distinct values in one file).
 */
export class HashTable53 {
  private keys: Float64Array;
  private values: Int32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity).fill(empty);
    this.values = new Int32Array(capacity);
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // The low 32 bits of a cyrb53 hash are well mixed: use them as the probe start.
    let index = (key >>> 0) & mask;
    while (this.keys[index] !== empty && this.keys[index] !== key) index = (index + 1) & mask;
    return index;
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] !== empty;
  }

  get(key: number): number | undefined {
    const index = this.slot(key);
    return this.keys[index] === empty ? undefined : this.values[index];
  }

  set(key: number, value: number): void {
    let index = this.slot(key);
    if (this.keys[index] === empty) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        index = this.slot(key);
      }
      this.keys[index] = key;
      this.size += 1;
    }
    this.values[index] = value;
  }

  private grow(): void {
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
