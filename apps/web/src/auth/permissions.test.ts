import { describe, expect, it } from "vitest";
import { assignableRoles, canManageApiKeys, canManageMembers, memberRowActions } from "./permissions";
import { hasRoleAtLeast, isRole } from "./roles";

describe("hasRoleAtLeast", () => {
  it("orders owner > admin > member > viewer", () => {
    expect(hasRoleAtLeast("owner", "admin")).toBe(true);
    expect(hasRoleAtLeast("admin", "admin")).toBe(true);
    expect(hasRoleAtLeast("member", "admin")).toBe(false);
    expect(hasRoleAtLeast("viewer", "viewer")).toBe(true);
  });

  it("never grants anything without a role", () => {
    expect(hasRoleAtLeast(null, "viewer")).toBe(false);
    expect(hasRoleAtLeast(undefined, "viewer")).toBe(false);
  });
});

describe("isRole", () => {
  it("accepts only the contract's roles", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("management rights", () => {
  it.each([
    ["owner", true],
    ["admin", true],
    ["member", false],
    ["viewer", false],
    [null, false],
  ] as const)("%s manages members and API keys: %s", (role, expected) => {
    expect(canManageMembers(role)).toBe(expected);
    expect(canManageApiKeys(role)).toBe(expected);
  });

  it("lets only owners grant owner", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "member", "viewer"]);
    expect(assignableRoles("admin")).toEqual(["admin", "member", "viewer"]);
    expect(assignableRoles("member")).toEqual([]);
    expect(assignableRoles(null)).toEqual([]);
  });
});

describe("memberRowActions", () => {
  it("gives members and viewers no actions at all", () => {
    for (const viewerRole of ["member", "viewer", null] as const) {
      expect(memberRowActions({ viewerRole, targetRole: "viewer", ownerCount: 1 })).toEqual({
        canChangeRole: false,
        roleChoices: [],
        canRemove: false,
      });
    }
  });

  it("lets an admin manage non-owners but not touch owners", () => {
    expect(memberRowActions({ viewerRole: "admin", targetRole: "member", ownerCount: 1 })).toEqual({
      canChangeRole: true,
      roleChoices: ["admin", "member", "viewer"],
      canRemove: true,
    });
    expect(memberRowActions({ viewerRole: "admin", targetRole: "owner", ownerCount: 2 }).canRemove).toBe(
      false,
    );
  });

  it("protects the last owner from demotion and removal, even by an owner", () => {
    const lastOwner = memberRowActions({ viewerRole: "owner", targetRole: "owner", ownerCount: 1 });
    expect(lastOwner.canChangeRole).toBe(false);
    expect(lastOwner.canRemove).toBe(false);
    const oneOfTwo = memberRowActions({ viewerRole: "owner", targetRole: "owner", ownerCount: 2 });
    expect(oneOfTwo).toMatchObject({ canChangeRole: true, canRemove: true });
  });
});
