import type { ProfileView } from "@vitae/db";
import { describe, expect, it } from "vitest";
import { visitorProfile } from "./visitor-profile";

const profile: ProfileView = {
  id: "6f1d1b0e-0000-4000-8000-000000000001",
  documentId: "6f1d1b0e-0000-4000-8000-000000000002",
  parser: "heuristic",
  parserVersion: "1",
  createdAt: new Date("2026-01-01T00:00:00.000Z"),
  updatedAt: new Date("2026-01-01T00:00:00.000Z"),
  name: "Ada Park",
  headline: "Platform engineer · ada@example.org",
  summary: "Builds platforms. Call +1 (312) 555-0101 or see https://ada.example.dev for more.",
  contact: {
    email: "ada@example.org",
    phone: "+1 (312) 555-0101",
    location: "Chicago, IL",
    links: ["https://ada.example.dev", "x.io"],
  },
  experiences: [
    {
      id: "6f1d1b0e-0000-4000-8000-000000000003",
      company: "Acme",
      title: "Engineer",
      start: "2020-01",
      end: "present",
      location: null,
      bullets: ["Wrote the on-call guide (questions: ada@example.org)", "Shipped x.io integrations"],
      technologies: ["Go"],
    },
  ],
  education: [],
  projects: [],
  skills: [],
  languages: [{ name: "English", level: "native" }],
  certifications: [],
  awards: [],
  publications: [],
  volunteering: ["Mentor at a coding club (contact: ada@example.org)"],
};

describe("visitorProfile", () => {
  it("keeps everything for a link that shows contact details", () => {
    expect(visitorProfile({ showContact: true }, profile)).toBe(profile);
  });

  it("drops email, phone and links, and their repeats elsewhere, for a link that does not", () => {
    const seen = visitorProfile({ showContact: false }, profile);
    expect(seen.contact).toEqual({ email: null, phone: null, location: "Chicago, IL", links: [] });
    const text = JSON.stringify(seen);
    for (const secret of ["ada@example.org", "555-0101", "ada.example.dev"])
      expect(text).not.toContain(secret);
    expect(seen.summary).toBe("Builds platforms. Call [contact hidden] or see [contact hidden] for more.");
    // Too short to replace safely outside the contact block.
    expect(seen.experiences[0]?.bullets[1]).toBe("Shipped x.io integrations");
    expect(seen.createdAt).toEqual(profile.createdAt);
    expect(profile.contact.email).toBe("ada@example.org");
  });
});
