import { describe, expect, it } from "vitest";
import { containsNul } from "./input-guard";

const deep = (levels: number, leaf: unknown): unknown =>
  levels === 0 ? leaf : { a: deep(levels - 1, leaf) };

describe("containsNul", () => {
  it("finds U+0000 in strings, nested values and keys", () => {
    expect(containsNul("a\u0000b")).toBe(true);
    expect(containsNul({ name: ["ok", { note: "x\u0000" }] })).toBe(true);
    expect(containsNul({ "k\u0000": 1 })).toBe(true);
  });

  it("passes clean input of every JSON shape", () => {
    for (const value of [undefined, null, 1, true, "plain", [], {}, { a: ["b", { c: "\u0001" }] }]) {
      expect(containsNul(value)).toBe(false);
    }
  });

  it("stops at its depth and size bounds instead of walking a hostile structure", () => {
    expect(containsNul(deep(10, "\u0000"))).toBe(true);
    expect(containsNul(deep(1_000, "\u0000"))).toBe(false);
    expect(containsNul([...Array.from({ length: 60_000 }, () => "x"), "\u0000"])).toBe(false);
  });
});
