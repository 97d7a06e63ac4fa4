import { describe, expect, it } from "vitest";
import type { ProfileView } from "../documents/types";
import { undoPlan } from "./undo-patch";

const role = (id: string, title: string) => ({
  id,
  title,
  company: "Acme",
  start: "2020-01",
  end: "present",
  location: null,
  bullets: ["Did things."],
  technologies: ["Go"],
});

const base = {
  id: "p",
  documentId: "d",
  name: "Ada",
  headline: "Engineer",
  summary: null,
  contact: { email: "ada@example.com", phone: null, location: null, links: [] },
  experiences: [role("a", "Lead"), role("b", "Engineer")],
  education: [],
  projects: [],
  skills: [{ id: "s1", name: "Go", category: "language", raw: "golang" }],
  languages: [],
  certifications: [],
  awards: [],
  publications: [],
  volunteering: [],
  source: "parsed",
  parentProfileId: null,
  tailoringId: null,
  sectionOrder: null,
  attestations: [],
} as unknown as ProfileView;

describe("undoPlan", () => {
  it("puts edited fields back and nothing else", () => {
    const after = {
      ...base,
      headline: "Boss",
      experiences: [{ ...role("a", "Lead"), title: "Acme", company: "Lead" }, role("b", "Engineer")],
    };
    const plan = undoPlan(base, after);
    expect(plan?.patch).toEqual({
      headline: "Engineer",
      experiences: [{ id: "a", company: "Acme", title: "Lead" }],
    });
    expect(plan?.then).toBeNull();
    expect(undoPlan(base, base)).toBeNull();
  });

  it("removes what was added and restores a removed fact at its old place in a second step", () => {
    const after = {
      ...base,
      experiences: [{ ...role("a", "Lead"), bullets: ["Did things.", "Engineer — Acme"] }],
      skills: [...base.skills, { id: "s2", name: "Rust", category: "other", raw: "Rust" }],
    };
    const plan = undoPlan(base, after);
    expect(plan?.patch).toEqual({
      experiences: [{ id: "a", bullets: ["Did things."] }],
      remove: { skills: ["s2"] },
      add: {
        experiences: [
          {
            title: "Engineer",
            company: "Acme",
            start: "2020-01",
            end: "present",
            location: null,
            bullets: ["Did things."],
          },
        ],
      },
    });
    const restored = { ...base, experiences: [role("a", "Lead"), role("new", "Engineer")] };
    expect(plan?.then?.(restored)).toEqual({ order: { experiences: ["a", "new"] } });
  });

  it("restores an order change in one step", () => {
    const after = { ...base, experiences: [role("b", "Engineer"), role("a", "Lead")] };
    expect(undoPlan(base, after)?.patch).toEqual({ order: { experiences: ["a", "b"] } });
  });
});
