import { describe, expect, it } from "vitest";
import { highlightSegments, isUsableSpan } from "./highlight";

const req = (id: string, start: number, end: number) => ({ id, span: { start, end } });

describe("highlightSegments", () => {
  it("marks one span and leaves the text around it plain", () => {
    const segments = highlightSegments("Use Go daily", [req("r1", 4, 6)]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ["Use ", []],
      ["Go", ["r1"]],
      [" daily", []],
    ]);
    expect(segments[1]).toMatchObject({ startingIds: ["r1"], endingIds: ["r1"] });
  });

  it("splits overlapping spans so every part names all requirements covering it", () => {
    // "Run Kubernetes clusters": a duty over the whole clause and a tool inside it.
    const segments = highlightSegments("Run Kubernetes clusters", [req("duty", 0, 23), req("k8s", 4, 14)]);
    expect(segments.map((s) => [s.text, s.ids, s.startingIds, s.endingIds])).toEqual([
      ["Run ", ["duty"], ["duty"], []],
      ["Kubernetes", ["duty", "k8s"], ["k8s"], ["k8s"]],
      [" clusters", ["duty"], [], ["duty"]],
    ]);
  });

  it("keeps adjacent spans apart instead of merging them", () => {
    const segments = highlightSegments("GoRust", [req("go", 0, 2), req("rust", 2, 6)]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ["Go", ["go"]],
      ["Rust", ["rust"]],
    ]);
  });

  it("ignores out-of-range, empty, reversed and fractional spans", () => {
    const text = "Python";
    const segments = highlightSegments(text, [
      req("past-end", 2, 99),
      req("negative", -1, 3),
      req("empty", 2, 2),
      req("reversed", 4, 1),
      req("fraction", 0.5, 3),
      req("ok", 0, 6),
    ]);
    expect(segments).toEqual([
      { start: 0, end: 6, text: "Python", ids: ["ok"], startingIds: ["ok"], endingIds: ["ok"] },
    ]);
  });

  it("covers the text exactly once, whatever the spans", () => {
    const text = "Must have: Go, k8s and Postgres; nice: Rust.";
    const segments = highlightSegments(text, [req("a", 11, 13), req("b", 11, 31), req("c", 15, 18)]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    segments.forEach((segment, index) => {
      expect(segment.end).toBeGreaterThan(segment.start);
      if (index > 0) expect(segment.start).toBe(segments[index - 1]?.end);
    });
  });

  it("returns nothing for an empty text", () => {
    expect(highlightSegments("", [req("r1", 0, 1)])).toEqual([]);
  });
});

describe("isUsableSpan", () => {
  it("accepts a span reaching the very end and refuses one past it", () => {
    expect(isUsableSpan({ start: 0, end: 3 }, 3)).toBe(true);
    expect(isUsableSpan({ start: 0, end: 4 }, 3)).toBe(false);
  });
});
