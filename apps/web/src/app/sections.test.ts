import { describe, expect, it } from "vitest";
import { canUseSection, documentTitleFor, type Section, sections, visibleSections } from "./sections";

describe("sections", () => {
  it("have unique kebab-case paths and non-empty labels", () => {
    const paths = sections.map((section) => section.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const section of sections) {
      expect(section.path).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(section.label.trim()).not.toBe("");
      expect(section.summary.trim()).not.toBe("");
    }
  });

  it("list the Status page first", () => {
    expect(sections[0]?.path).toBe("status");
  });

  it("load a page component for every entry", async () => {
    for (const section of sections) {
      const page = await section.lazy();
      expect(typeof page.Component).toBe("function");
    }
  });
});

describe("documentTitleFor", () => {
  const list: Section[] = [
    { path: "status", label: "Status", summary: "s", lazy: async () => ({ Component: () => null }) },
    { path: "ask", label: "Ask", summary: "a", lazy: async () => ({ Component: () => null }) },
  ];

  it("names the section of the first path segment", () => {
    expect(documentTitleFor("/status", list)).toBe("Status · Vitae");
    expect(documentTitleFor("/ask/sessions/1", list)).toBe("Ask · Vitae");
  });

  it("falls back to the product name at the root and for unknown paths", () => {
    expect(documentTitleFor("/", list)).toBe("Vitae");
    expect(documentTitleFor("/nope", list)).toBe("Vitae");
  });
});

describe("role-based visibility", () => {
  const paths = (list: Section[]) => list.map((section) => section.path);

  it("shows only sections without a minimum role to someone without a workspace", () => {
    expect(paths(visibleSections(null))).toEqual(["status"]);
  });

  it("shows viewers and members the read-only pages but not admin pages", () => {
    expect(paths(visibleSections("viewer"))).toEqual(["status", "members", "usage"]);
    expect(paths(visibleSections("member"))).toEqual(["status", "members", "usage"]);
  });

  it("shows admins and owners everything", () => {
    const all = sections.map((section) => section.path);
    expect(paths(visibleSections("admin"))).toEqual(all);
    expect(paths(visibleSections("owner"))).toEqual(all);
  });

  it("follows each entry's minimum role", () => {
    const adminOnly: Section = {
      path: "x",
      label: "X",
      summary: "x",
      minRole: "admin",
      lazy: async () => ({ Component: () => null }),
    };
    expect(canUseSection(adminOnly, "member")).toBe(false);
    expect(canUseSection(adminOnly, "admin")).toBe(true);
  });
});
