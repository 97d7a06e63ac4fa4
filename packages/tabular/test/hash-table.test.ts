import { describe, expect, it } from "vitest";
import { HashTable53, hash53 } from "../src/validate/hash-table";

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
});
