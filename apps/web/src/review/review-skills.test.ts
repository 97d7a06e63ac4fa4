import { describe, expect, it } from "vitest";
import { moved } from "./review-facts";
import { parseLanguageLine } from "./review-skills";

describe("parseLanguageLine", () => {
  it("reads a level in brackets", () => {
    expect(parseLanguageLine(" French (C1) ")).toEqual({ name: "French", level: "C1" });
    expect(parseLanguageLine("Portuguese")).toEqual({ name: "Portuguese", level: null });
    expect(parseLanguageLine("German ()")).toEqual({ name: "German", level: null });
  });
});

describe("moved", () => {
  it("moves an entry up or down and never out of the list", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moved(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});
