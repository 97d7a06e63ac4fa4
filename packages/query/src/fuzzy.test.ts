import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "./fuzzy";

/** Textbook optimal-string-alignment distance over the full matrix: the reference. */
function referenceDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      let value = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

/** Deterministic pseudo-random strings over a small alphabet, so near-misses are common. */
function* samples(count: number): Generator<[string, string]> {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const text = () => Array.from({ length: next() % 14 }, () => "abcd"[next() % 4]).join("");
  for (let index = 0; index < count; index += 1) yield [text(), text()];
}

describe("boundedEditDistance", () => {
  it.each([
    ["zalando", "zlaando", 1],
    ["farfetch", "farfech", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["same", "same", 0],
  ])("agrees with the textbook distance: %s → %s", (a, b, expected) => {
    expect(boundedEditDistance(a, b, 5)).toBe(expected);
  });

  it("equals the full-matrix distance within the limit and reports limit + 1 beyond it", () => {
    for (const [a, b] of samples(3000)) {
      const exact = referenceDistance(a, b);
      for (const limit of [0, 1, 2, 4]) {
        expect(boundedEditDistance(a, b, limit)).toBe(Math.min(exact, limit + 1));
      }
    }
  });

  it("computes only the diagonal band: at most (2·limit + 1) cells per row", () => {
    const a = "ab cd ".repeat(170);
    const b = "ab cd ".repeat(169).concat("ab ce ");
    const meter = { cells: 0 };
    expect(boundedEditDistance(a, b, 3, meter)).toBe(1);
    expect(meter.cells).toBeLessThanOrEqual(7 * a.length);
    // The unbanded matrix would be a.length × b.length ≈ 1,000,000 cells.
    expect(meter.cells).toBeLessThan(a.length * b.length * 0.01);
  });

  it("costs nothing when the lengths alone rule a match out", () => {
    const meter = { cells: 0 };
    expect(boundedEditDistance("x".repeat(10_000), "x", 2, meter)).toBe(3);
    expect(meter.cells).toBe(0);
  });
});
