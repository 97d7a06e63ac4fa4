import { describe, expect, it } from "vitest";
import { isRole, isRoleAtLeast, roleRank, roles } from "./roles";
import { isScope, scopeSchema, scopes, scopesForRole } from "./scopes";

describe("roles", () => {
  it("are ordered highest first with strictly decreasing rank", () => {
    expect(roles).toEqual(["owner", "admin", "member", "viewer"]);
    const ranks = roles.map((role) => roleRank[role]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(roles.length);
  });

  it.each([
    ["owner", "admin", true],
    ["admin", "admin", true],
    ["member", "admin", false],
    ["viewer", "member", false],
    ["viewer", "viewer", true],
    ["admin", "owner", false],
  ] as const)("isRoleAtLeast(%s, %s) is %s", (role, min, expected) => {
    expect(isRoleAtLeast(role, min)).toBe(expected);
  });

  it("narrows only known roles and scopes", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("admin,member")).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(isScope("audit:read")).toBe(true);
    expect(isScope("audit:*")).toBe(false);
  });
});

describe("scopesForRole", () => {
  it("gives owners and admins every scope", () => {
    expect(scopesForRole("owner")).toEqual([...scopes]);
    expect(scopesForRole("admin")).toEqual([...scopes]);
  });

  it("gives viewers read-and-ask access and postings, and imports, members document, posting and import writes and share links on top", () => {
    expect(scopesForRole("viewer")).toEqual([
      "workspace:read",
      "members:read",
      "usage:read",
      "documents:read",
      "chat:ask",
      "postings:read",
      "imports:read",
    ]);
    expect(scopesForRole("member")).toEqual([
      "workspace:read",
      "members:read",
      "usage:read",
      "documents:read",
      "documents:write",
      "chat:ask",
      "share-links:write",
      "postings:read",
      "postings:write",
      "imports:read",
      "imports:write",
    ]);
  });

  it("never grants a lower role a scope a higher role lacks", () => {
    for (const higher of roles) {
      for (const lower of roles.filter((role) => roleRank[role] < roleRank[higher])) {
        expect(scopesForRole(higher)).toEqual(expect.arrayContaining(scopesForRole(lower)));
      }
    }
  });

  it("returns a fresh array each call", () => {
    const mine = scopesForRole("viewer");
    mine.push("audit:read");
    expect(scopesForRole("viewer")).not.toContain("audit:read");
  });
});

describe("isRoleAtLeast without a role", () => {
  it("never qualifies (no active workspace)", () => {
    expect(isRoleAtLeast(null, "viewer")).toBe(false);
    expect(isRoleAtLeast(undefined, "viewer")).toBe(false);
  });
});

describe("scopeSchema", () => {
  it("accepts every scope and nothing else, including prototype keys", () => {
    for (const scope of scopes) expect(scopeSchema.parse(scope)).toBe(scope);
    for (const value of ["audit:*", "toString", "__proto__", ""])
      expect(scopeSchema.safeParse(value).success).toBe(false);
    expect(isScope("toString")).toBe(false);
  });
});
