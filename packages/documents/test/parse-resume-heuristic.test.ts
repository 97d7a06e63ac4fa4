import { beforeAll, describe, expect, it } from "vitest";
import { parseResumeHeuristic, profileSchema } from "../src/index";
import { corpus, extractCorpus } from "./support/corpus";

let texts: Map<string, string>;
beforeAll(async () => {
  texts = await extractCorpus();
});

describe.each(corpus)("parseResumeHeuristic on $file", ({ source, file }) => {
  const parse = () => parseResumeHeuristic(texts.get(file) ?? "");
  const { expected } = source;

  it("returns a valid profile", () => {
    expect(profileSchema.safeParse(parse()).success).toBe(true);
  });

  it("finds name, headline and contact", () => {
    const profile = parse();
    expect(profile.name).toBe(expected.name);
    expect(profile.headline).toBe(expected.headline);
    expect(profile.contact).toMatchObject({
      email: expected.email,
      phone: expected.phone,
      location: expected.location,
    });
    expect(profile.contact.links.length).toBeGreaterThan(0);
  });

  it("finds every experience with its company, title and dates, in order", () => {
    const experiences = parse().experiences;
    expect(experiences.map(({ company, title, start, end }) => ({ company, title, start, end }))).toEqual(
      expected.experiences.map(({ company, title, start, end }) => ({ company, title, start, end })),
    );
  });

  it("finds the technologies of each experience and keeps its bullets", () => {
    const experiences = parse().experiences;
    expected.experiences.forEach((want, index) => {
      expect(experiences[index]?.technologies).toEqual(expect.arrayContaining(want.technologies));
      expect(experiences[index]?.bullets.length).toBeGreaterThan(0);
    });
  });

  it("finds education, projects and skills", () => {
    const profile = parse();
    expect(
      profile.education.map(({ school, degree, start, end }) => ({ school, degree, start, end })),
    ).toEqual(expected.education);
    expect(profile.projects.map((project) => project.name)).toEqual(expected.projects);
    expect(profile.skills.map((skill) => skill.name)).toEqual(expected.skills);
  });
});

describe("parseResumeHeuristic: layouts and edge cases", () => {
  it("reads 'Title at Company', company-then-title lines and 'since' dates", () => {
    const profile = parseResumeHeuristic(
      [
        "Jo Park",
        "Experience",
        "Staff Engineer at Acme Robotics",
        "Since March 2021",
        "- Built firmware tooling in Rust",
        "Globex Corporation",
        "Platform Engineer",
        "2018 – 2021",
        "- Ran Kubernetes clusters",
      ].join("\n"),
    );
    expect(profile.experiences).toMatchObject([
      {
        company: "Acme Robotics",
        title: "Staff Engineer",
        start: "2021-03",
        end: "present",
        technologies: ["Rust"],
      },
      {
        company: "Globex Corporation",
        title: "Platform Engineer",
        start: "2018-01",
        end: "2021-01",
        technologies: ["Kubernetes"],
      },
    ]);
  });

  it("rejoins bullets wrapped across lines", () => {
    const profile = parseResumeHeuristic(
      [
        "Experience",
        "Engineer, Initech",
        "Jan 2019 - Dec 2020",
        "• Migrated the billing system from Perl",
        "to Python and PostgreSQL.",
        "• Wrote tests.",
      ].join("\n"),
    );
    expect(profile.experiences[0]?.bullets).toEqual([
      "Migrated the billing system from Perl to Python and PostgreSQL.",
      "Wrote tests.",
    ]);
    expect(profile.experiences[0]?.technologies).toEqual(["Perl", "Python", "PostgreSQL"]);
  });

  it("falls back to dated entries when there is no experience heading", () => {
    const profile = parseResumeHeuristic(
      [
        "Sam Doe",
        "sam@example.com",
        "",
        "Backend Developer, Umbrella Labs",
        "2016-05 – 2019-08",
        "Wrote Go services.",
      ].join("\n"),
    );
    expect(profile.experiences).toMatchObject([
      { company: "Umbrella Labs", title: "Backend Developer", start: "2016-05", end: "2019-08" },
    ]);
  });

  it("returns an empty profile, never invented facts, for text without résumé structure", () => {
    for (const text of [
      "",
      "lorem ipsum dolor sit amet ".repeat(50),
      "Experience\nEducation\nSkills",
      "\u0000\u0001garbage\n%%%%",
    ]) {
      const profile = parseResumeHeuristic(text);
      expect(profileSchema.safeParse(profile).success).toBe(true);
      expect(profile.experiences).toEqual([]);
      expect(profile.education).toEqual([]);
    }
  });

  it("ignores entries that have no company/title split", () => {
    const profile = parseResumeHeuristic(
      ["Experience", "Did many things", "2019 – 2020", "• stuff"].join("\n"),
    );
    expect(profile.experiences).toEqual([]);
  });

  it("does not list spoken languages or soft skills as skills, and keeps unknown tools as 'other'", () => {
    const profile = parseResumeHeuristic(
      ["Skills", "Languages: English, Portuguese", "Tools: Go, Zephyr RTOS, leadership"].join("\n"),
    );
    expect(profile.skills).toEqual([
      { name: "Go", category: "language", raw: "Go" },
      { name: "Zephyr RTOS", category: "other", raw: "Zephyr RTOS" },
    ]);
  });

  it("completes on pathological lines (one 500,000-character word, a long digit run, no @)", () => {
    for (const text of [
      "a".repeat(500_000),
      `Ana Souza\n${"1".repeat(200_000)}`,
      `x\n${"word.".repeat(100_000)}`,
    ]) {
      expect(profileSchema.safeParse(parseResumeHeuristic(text)).success).toBe(true);
    }
  });

  it("stays bounded on a huge repetitive input", () => {
    const profile = parseResumeHeuristic(
      `Experience\n${"Engineer, Acme Corp\n2019 – 2020\n• Built Go services\n".repeat(5000)}`,
    );
    expect(profile.experiences.length).toBe(100);
  });
});
