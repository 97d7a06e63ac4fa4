import { describe, expect, it } from "vitest";
import { parseResumeHeuristic } from "../src/parse/parse-resume-heuristic";

const resume = (heading: string, body: string) =>
  [
    "Ada Example",
    "Engineer",
    "",
    "Experience",
    "Engineer at Acme Corp",
    "2019 – 2021",
    "",
    heading,
    body,
  ].join("\n");

describe("spoken languages (issue 10)", () => {
  it.each([
    [
      "Languages",
      "English (native), German (B2)",
      [
        ["English", "native"],
        ["German", "B2"],
      ],
    ],
    [
      "Idiomas",
      "Español (nativo), Inglés (avanzado)",
      [
        ["Español", "nativo"],
        ["Inglés", "avanzado"],
      ],
    ],
    [
      "Sprachkenntnisse",
      "Deutsch — Muttersprache\nEnglisch — fließend",
      [
        ["Deutsch", "Muttersprache"],
        ["Englisch", "fließend"],
      ],
    ],
    [
      "Langues",
      "Français : langue maternelle; Anglais : courant",
      [
        ["Français", "langue maternelle"],
        ["Anglais", "courant"],
      ],
    ],
    [
      "Idiomas",
      "Português - nativo | Inglês - fluente",
      [
        ["Português", "nativo"],
        ["Inglês", "fluente"],
      ],
    ],
    [
      "Languages",
      "Languages: English (native, C2), Mandarin",
      [
        ["English", "native, C2"],
        ["Mandarin", null],
      ],
    ],
  ])("reads a %s section: %j", (heading, body, expected) => {
    const profile = parseResumeHeuristic(resume(heading, body));
    expect(profile.languages).toEqual(expected.map(([name, level]) => ({ name, level })));
    expect(profile.skills.map((skill) => skill.name)).toEqual([]);
    expect(profile.experiences).toHaveLength(1);
  });

  it("finds a languages line in a résumé without headings, and leaves other lines alone", () => {
    const profile = parseResumeHeuristic(
      [
        "Ada Example",
        "Engineer at Acme Corp",
        "2019 – 2021",
        "Python, Go, PostgreSQL, Docker",
        "Inglés (avanzado), Francés (básico)",
      ].join("\n"),
    );
    expect(profile.languages).toEqual([
      { name: "Inglés", level: "avanzado" },
      { name: "Francés", level: "básico" },
    ]);
    expect(profile.skills.map((skill) => skill.name)).toContain("Python");
  });

  it("keeps an empty list when no section names languages", () => {
    expect(parseResumeHeuristic(resume("Skills", "Python, Go")).languages).toEqual([]);
  });
});

describe("certifications, awards, publications and volunteering", () => {
  it("keeps each entry of its section, joining a wrapped line", () => {
    const profile = parseResumeHeuristic(
      [
        "Ada Example",
        "Licenses & Certifications",
        "Certified Kubernetes Administrator (CKA), 2022",
        "Auszeichnungen",
        "Best Paper Award, ICML 2020",
        "Publications",
        "• Example, A. (2021). Sparse priors for noisy",
        "gene networks. Journal of Things.",
        "Voluntariado",
        "Mentora en Django Girls Madrid",
      ].join("\n"),
    );
    expect(profile.certifications).toEqual(["Certified Kubernetes Administrator (CKA), 2022"]);
    expect(profile.awards).toEqual(["Best Paper Award, ICML 2020"]);
    expect(profile.publications).toEqual([
      "Example, A. (2021). Sparse priors for noisy gene networks. Journal of Things.",
    ]);
    expect(profile.volunteering).toEqual(["Mentora en Django Girls Madrid"]);
  });
});
