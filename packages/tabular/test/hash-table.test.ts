import { describe, expect, it } from "vitest";
import { HashSet53, HashTable53, hash31, hash53 } from "../src/validate/hash-table";

describe("HashTable53", () => {
  it("stores and finds many keys across growth, and tells rows with shifted cells apart", () => {
    const table = new HashTable53(4);
    for (let i = 0; i < 50_000; i += 1) table.set(hash53(`E${i}`), i);
    for (let i = 0; i < 50_000; i += 1) expect(table.get(hash53(`E${i}`))).toBe(i);
    expect(table.has(hash53("E50000"))).toBe(false);
    table.set(hash53("E7"), -3);
    expect(table.get(hash53("E7"))).toBe(-3);
    expect(hash53(["ab", "c"])).not.toBe(hash53(["a", "bc"]));
    expect(hash53("x")).toBeLessThan(2 ** 53);
  });

  it("keeps a set of hashes across growth", () => {
    const set = new HashSet53(4);
    for (let i = 0; i < 50_000; i += 1) set.add(hash53(`E${i}`));
    set.add(hash53("E7"));
    for (let i = 0; i < 50_000; i += 1) expect(set.has(hash53(`E${i}`))).toBe(true);
    expect(set.has(hash53("E50000"))).toBe(false);
  });

  it("hashes whole rows to 31 bits, telling shifted cells and single-character changes apart", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) {
      const hash = hash31([`E${i}`, "Ana", "Silva"]);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 31);
      seen.add(hash);
    }
    expect(seen.size).toBe(10_000);
    expect(hash31(["ab", "c"])).not.toBe(hash31(["a", "bc"]));
    expect(hash31(["a", ""])).not.toBe(hash31(["a"]));
  });
});
