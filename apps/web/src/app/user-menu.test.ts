import { describe, expect, it } from "vitest";
import { accountLabel, initialsOf } from "./user-menu";

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

describe("accountLabel", () => {
  it("names the account with both texts the toggle shows, outside parentheses", () => {
    expect(accountLabel("Marisol Okafor")).toBe("Account: Marisol Okafor, MO");
    // What axe-core's label-content-name-mismatch compares: parenthesised text removed first.
    const compared = accountLabel("E2E 1a2b3c").replace(/\([^()]*\)/g, "");
    expect(compared).toContain("E2E 1a2b3c");
    expect(compared).toContain("E1");
  });
});
