import { describe, expect, it } from "vitest";
import { scopes } from "../auth/roles";
import { describeKeyScopes, presetOf, presetScopes } from "./scope-presets";

describe("scope presets", () => {
  it("read-only holds every read scope and nothing that writes, asks or shares", () => {
    expect(presetScopes["read-only"]).toContain("documents:read");
    expect(presetScopes["read-only"]).toContain("audit:read");
    for (const scope of presetScopes["read-only"]) expect(scope).toMatch(/:read$/);
    expect(presetScopes["read-only"]).not.toContain("chat:ask");
  });

  it("full access is every scope of the contract", () => {
    expect(presetScopes["full-access"]).toEqual(scopes);
  });

  it("recognises a preset whatever the order or duplicates, and anything else as custom", () => {
    expect(presetOf([...presetScopes["read-only"]].reverse())).toBe("read-only");
    expect(presetOf([...scopes, "documents:read"])).toBe("full-access");
    expect(presetOf(["documents:read"])).toBe("custom");
    expect(presetOf([])).toBe("custom");
    expect(presetOf([...presetScopes["read-only"], "chat:ask"])).toBe("custom");
  });

  it("describes a key's scopes in words", () => {
    expect(describeKeyScopes(presetScopes["read-only"])).toBe("Read-only");
    expect(describeKeyScopes(scopes)).toBe("Full access");
    expect(describeKeyScopes(["documents:read"])).toBe("Custom: 1 permission");
    expect(describeKeyScopes(["documents:read", "chat:ask", "chat:ask"])).toBe("Custom: 2 permissions");
  });
});
