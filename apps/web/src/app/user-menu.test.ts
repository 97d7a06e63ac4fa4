import { describe, expect, it } from "vitest";
import { initialsOf } from "./user-menu";

describe("initialsOf", () => {
  it("takes the first and last word's first letter", () => {
    expect(initialsOf("Marisol Okafor")).toBe("MO");
    expect(initialsOf("Ada")).toBe("A");
    expect(initialsOf("  jean   paul  sartre ")).toBe("JS");
    expect(initialsOf("Émile Zola")).toBe("ÉZ");
  });

  it("keeps a letter outside the basic plane whole, and says '?' for a blank name", () => {
    expect(initialsOf("𝒜lice Smith")).toBe("𝒜S");
    expect(initialsOf("   ")).toBe("?");
  });
});
