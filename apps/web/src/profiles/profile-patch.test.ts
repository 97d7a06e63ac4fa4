import { describe, expect, it } from "vitest";
import { applyProfilePatch, normaliseText, savedLabel } from "./profile-patch";

const view = {
  id: "p1",
  name: "Ada Lovelace",
  headline: "Engineer",
  summary: null,
  contact: { email: "ada@example.com", phone: null, location: "London", links: ["https://ada.dev"] },
  experiences: [
    { id: "e1", title: "Engineer", company: "Analytical Engines", start: "2019-01", end: "present" },
    { id: "e2", title: "Intern", company: "Babbage & Co", start: "2018-01", end: "2018-12" },
  ],
  skills: [{ name: "Go", category: "language", raw: "golang" }],
};

describe("applyProfilePatch", () => {
  it("changes only the patched top-level and contact fields", () => {
    const next = applyProfilePatch(view, { headline: "Staff engineer", phone: "+44 1" });
    expect(next.headline).toBe("Staff engineer");
    expect(next.name).toBe("Ada Lovelace");
    expect(next.contact).toEqual({ ...view.contact, phone: "+44 1" });
    expect(next).not.toHaveProperty("phone");
    expect(next.skills).toBe(view.skills);
  });

  it("corrects one experience by id and leaves the others and the input untouched", () => {
    const next = applyProfilePatch(view, { experiences: [{ id: "e2", title: "Apprentice", end: null }] });
    expect(next.experiences[1]).toEqual({
      id: "e2",
      title: "Apprentice",
      company: "Babbage & Co",
      start: "2018-01",
      end: null,
    });
    expect(next.experiences[0]).toBe(view.experiences[0]);
    expect(view.experiences[1]?.title).toBe("Intern");
  });

  it("clears a field set to null", () => {
    expect(applyProfilePatch(view, { name: null }).name).toBeNull();
  });
});

describe("normaliseText", () => {
  it("trims and treats empty as unknown", () => {
    expect(normaliseText("  Ada ")).toBe("Ada");
    expect(normaliseText("   ")).toBeNull();
  });
});

describe("savedLabel", () => {
  it("names the one field a correction saved, in words", () => {
    expect(savedLabel({ headline: "Staff Engineer" })).toBe("Saved the headline");
    expect(savedLabel({ email: null })).toBe("Saved the email address");
    expect(savedLabel({ experiences: [{ id: "e1", title: "Lead" }] })).toBe("Saved the role");
  });

  it("speaks of changes when a correction saved several fields or an unnamed one", () => {
    expect(savedLabel({ headline: "A", summary: "B" })).toBe("Saved your changes");
    expect(savedLabel({ languages: [] })).toBe("Saved your changes");
  });
});
