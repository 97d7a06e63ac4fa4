import { describe, expect, it } from "vitest";
import { parseLanguageLine } from "./review-skills";

describe("parseLanguageLine", () => {
  it("reads a level in brackets", () => {
    expect(parseLanguageLine(" French (C1) ")).toEqual({ name: "French", level: "C1" });
    expect(parseLanguageLine("Portuguese")).toEqual({ name: "Portuguese", level: null });
    expect(parseLanguageLine("German ()")).toEqual({ name: "German", level: null });
  });
});
