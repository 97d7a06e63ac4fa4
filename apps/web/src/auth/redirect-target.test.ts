import { describe, expect, it } from "vitest";
import { safeRedirectTarget, signInPathFor, withNext } from "./redirect-target";

describe("safeRedirectTarget", () => {
  it.each([
    ["/members", "/members"],
    ["/audit?action=member.remove#top", "/audit?action=member.remove#top"],
    ["/api-keys/", "/api-keys/"],
    ["/a/../members", "/members"],
  ])("keeps the same-origin path %s", (raw, expected) => {
    expect(safeRedirectTarget(raw)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.example/members"],
    ["a protocol-relative URL", "//evil.example/members"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash later on", "/members\\..\\\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "members"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a newline", "/members\n"],
    ["an empty string", ""],
    ["a sign-in page (would loop)", "/sign-in?next=/members"],
    ["the sign-up page", "/sign-up"],
  ])("rejects %s", (_label, raw) => {
    expect(safeRedirectTarget(raw)).toBe("/");
  });

  it("rejects missing values and overlong ones, returning the fallback given", () => {
    expect(safeRedirectTarget(null, "/usage")).toBe("/usage");
    expect(safeRedirectTarget(undefined)).toBe("/");
    expect(safeRedirectTarget(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("normalises encoded dot segments that would climb out of the path", () => {
    expect(safeRedirectTarget("/%2e%2e/members")).toBe("/members");
  });
});

describe("signInPathFor", () => {
  it("carries the requested path, query and hash as an encoded next parameter", () => {
    expect(signInPathFor({ pathname: "/audit", search: "?action=x", hash: "#a" })).toBe(
      `/sign-in?next=${encodeURIComponent("/audit?action=x#a")}`,
    );
  });

  it("omits next for the home page", () => {
    expect(signInPathFor({ pathname: "/", search: "", hash: "" })).toBe("/sign-in");
  });
});

describe("withNext", () => {
  it("appends only a safe next", () => {
    expect(withNext("/sign-up", "/members")).toBe("/sign-up?next=%2Fmembers");
    expect(withNext("/sign-up", "//evil.example")).toBe("/sign-up");
    expect(withNext("/sign-up", null)).toBe("/sign-up");
  });
});
