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

  // Transforms every page module cold: on a machine shared with other builds that takes longer than
  // vitest's default 5 s, which says nothing about the pages.
  it("load a page component for every entry and every sub-page", async () => {
    for (const section of sections) {
      const page = await section.lazy();
      expect(typeof page.Component).toBe("function");
      for (const subPage of section.pages ?? []) {
        expect(typeof (await subPage.lazy()).Component).toBe("function");
      }
    }
  }, 60_000);

  it("give sub-pages first path segments that no section or other section's page uses", () => {
    // Pages of one section may share a segment (`profiles/:id`, `profiles/:id/ask`): same access rule.
    const firsts = [
      ...sections.map((section) => section.path),
      ...sections.flatMap((section) => [
        ...new Set((section.pages ?? []).map((page) => page.path.split("/")[0])),
      ]),
    ];
    expect(new Set(firsts).size).toBe(firsts.length);
    const patterns = sections.flatMap((section) => (section.pages ?? []).map((page) => page.path));
    expect(new Set(patterns).size).toBe(patterns.length);
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

  it("names a section's sub-page by its own label", () => {
    const withPage: Section[] = [
      {
        path: "documents",
        label: "Documents",
        summary: "d",
        lazy: async () => ({ Component: () => null }),
        pages: [
          { path: "profiles/:profileId", label: "Profile", lazy: async () => ({ Component: () => null }) },
        ],
      },
    ];
    expect(documentTitleFor("/profiles/abc", withPage)).toBe("Profile · Vitae");
  });

  it("prefers the page whose whole pattern matches when pages share a first segment", () => {
    expect(documentTitleFor("/profiles/abc/ask")).toBe("Ask · Vitae");
    expect(documentTitleFor("/profiles/abc")).toBe("Profile · Vitae");
    expect(documentTitleFor("/profiles/abc/match")).toBe("Match · Vitae");
    expect(documentTitleFor("/posting/abc")).toBe("Posting · Vitae");
    expect(documentTitleFor("/posting/abc/match/def")).toBe("Match · Vitae");
  });

  it("names the shell's own pages, and says when nothing matches", () => {
    expect(documentTitleFor("/", list)).toBe("Home · Vitae");
    expect(documentTitleFor("/workspaces/new", list)).toBe("New workspace · Vitae");
    expect(documentTitleFor("/invitations/abc", list)).toBe("Invitation · Vitae");
    expect(documentTitleFor("/outbox", list)).toBe("Outbox · Vitae");
    expect(documentTitleFor("/operations/queues", list)).toBe("Queues · Vitae");
    expect(documentTitleFor("/nope", list)).toBe("Page not found · Vitae");
  });
});

describe("role-based visibility", () => {
  const paths = (list: Section[]) => list.map((section) => section.path);

  it("shows only sections without a minimum role to someone without a workspace", () => {
    expect(paths(visibleSections(null))).toEqual(["status"]);
  });

  it("shows viewers and members the read-only pages but not admin pages", () => {
    expect(paths(visibleSections("viewer"))).toEqual([
      "status",
      "documents",
      "postings",
      "imports",
      "members",
      "usage",
    ]);
    expect(paths(visibleSections("member"))).toEqual([
      "status",
      "documents",
      "postings",
      "imports",
      "members",
      "usage",
    ]);
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
