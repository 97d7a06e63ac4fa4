import { emptyProfile } from "@vitae/documents/profile";
import { describe, expect, it } from "vitest";
import { cleanLine, toResumeModel } from "./model";
import { germanProfile } from "./testing/profiles";

describe("toResumeModel", () => {
  it("formats dates, groups skills, joins degree and field, and resolves links", () => {
    const model = toResumeModel(germanProfile);
    expect(model.experiences.map((entry) => entry.dates)).toEqual([
      "Apr 2021 – Present",
      "Sep 2017 – Mar 2021",
      "Feb 2013 – Aug 2017",
    ]);
    expect(model.education[0]).toMatchObject({ degree: "MSc in Informatik", dates: "2010 – 2013" });
    expect(model.skills).toEqual([
      { label: "Languages", names: ["Go", "Java"] },
      { label: "DevOps", names: ["Kubernetes"] },
      { label: "Databases", names: ["PostgreSQL"] },
      { label: "Other", names: ["Deutsch (Muttersprache)"] },
    ]);
    expect(model.contact.map((item) => item.href)).toEqual([
      "mailto:juergen.weiss@example.de",
      null,
      null,
      "https://xn--jrgen-wei-o1a42a.example.de/",
      "https://github.com/jweiss",
    ]);
  });

  it("keeps the fact ids of a stored profile and drops entries without their required text", () => {
    const profile = {
      ...emptyProfile(),
      experiences: [
        {
          id: "exp-1",
          company: "Acme",
          title: "Engineer",
          start: null,
          end: null,
          location: null,
          bullets: [],
          technologies: [],
        },
        {
          id: "exp-2",
          company: "\u202e",
          title: "Engineer",
          start: null,
          end: null,
          location: null,
          bullets: [],
          technologies: [],
        },
      ],
    };
    const model = toResumeModel(profile);
    expect(model.experiences).toHaveLength(1);
    expect(model.experiences[0]).toMatchObject({ factId: "exp-1", dates: null });
    expect(model.name).toBeNull();
  });

  it("removes controls, bidi overrides and lone surrogates and collapses whitespace", () => {
    expect(cleanLine("a\u0000b\u202ec\u2066d\tx\n y\ud800")).toBe("abcd x y\ufffd");
    expect(cleanLine(" \u0007 ")).toBeNull();
  });
});
