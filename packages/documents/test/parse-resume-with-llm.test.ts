import { describe, expect, it } from "vitest";
import {
  type DocumentError,
  type Profile,
  parseResumeWithLlm,
  resumeParsePrompt,
  type StructuredLlm,
} from "../src/index";
import { readFixture } from "./support/fixtures";

const source = readFixture("resumes", "ana-souza.txt").toString("utf8");

function validOutput(): Profile {
  return {
    name: "Ana Souza",
    headline: "Senior Backend Engineer",
    summary: "Backend engineer with nine years of experience building payment and logistics platforms.",
    contact: {
      email: "ana.souza@example.com",
      phone: "+351 912 345 678",
      location: "Lisbon, Portugal",
      links: ["linkedin.com/in/anasouza"],
    },
    experiences: [
      {
        company: "Tidewater Payments",
        title: "Senior Backend Engineer",
        start: "2020-01",
        end: "present",
        location: "Lisbon, Portugal",
        bullets: ["Built the Kafka event pipeline feeding fraud detection; mentored four engineers."],
        technologies: ["golang", "k8s", "postgres", "Kafka"],
      },
      {
        company: "NORTHWIND LOGISTICS",
        title: "Software engineer",
        start: "2016-03",
        end: "2019-12",
        location: null,
        bullets: [],
        technologies: ["Spring Boot"],
      },
    ],
    education: [
      {
        school: "University of Porto",
        degree: "MSc",
        field: "Computer Science",
        start: "2012-01",
        end: "2014-01",
      },
    ],
    projects: [
      { name: "ledgerlint", description: null, url: "github.com/anasouza/ledgerlint", technologies: ["Go"] },
    ],
    skills: [
      { name: "Go", category: "language", raw: "Go" },
      { name: "Kubernetes", category: "devops", raw: "Kubernetes" },
    ],
  };
}

function fakeLlm(output: unknown, calls: unknown[][] = []): StructuredLlm {
  return {
    structured: async <T>(...args: unknown[]) => {
      calls.push(args);
      return output as T;
    },
  };
}

describe("parseResumeWithLlm", () => {
  it("keeps a grounded output, normalising technologies through the taxonomy", async () => {
    const { profile, dropped } = await parseResumeWithLlm(source, fakeLlm(validOutput()));
    expect(dropped).toEqual([]);
    expect(profile.experiences.map((experience) => experience.company)).toEqual([
      "Tidewater Payments",
      "NORTHWIND LOGISTICS",
    ]);
    expect(profile.experiences[0]?.technologies).toEqual(["Go", "Kubernetes", "PostgreSQL", "Apache Kafka"]);
    expect(profile.education[0]).toMatchObject({ school: "University of Porto", start: "2012-01" });
    expect(profile.skills).toEqual([
      { name: "Go", category: "language", raw: "Go" },
      { name: "Kubernetes", category: "devops", raw: "Kubernetes" },
    ]);
  });

  it("drops a hallucinated company, title, date, bullet, school, project and skill, and reports each", async () => {
    const output = validOutput();
    output.experiences.push({
      company: "Globex Corporation",
      title: "Principal Engineer",
      start: "2010-01",
      end: "2012-01",
      location: null,
      bullets: [],
      technologies: [],
    });
    const [first, second] = output.experiences;
    if (first === undefined || second === undefined) throw new Error("fixture");
    first.start = "2019-04";
    first.bullets.push("Won the Turing Award.");
    first.technologies.push("Rust");
    second.title = "Chief Technology Officer";
    output.education.push({
      school: "Stanford University",
      degree: "PhD",
      field: null,
      start: null,
      end: "2009-01",
    });
    output.projects.push({ name: "Quantum Ledger", description: null, url: null, technologies: [] });
    output.skills.push({ name: "Haskell", category: "language", raw: "Haskell" });
    output.contact.email = "ana@invented.example";

    const { profile, dropped } = await parseResumeWithLlm(source, fakeLlm(output));

    expect(profile.experiences.map((experience) => experience.company)).toEqual(["Tidewater Payments"]);
    expect(profile.experiences[0]).toMatchObject({ start: null, end: "present" });
    expect(profile.experiences[0]?.bullets).toEqual([
      "Built the Kafka event pipeline feeding fraud detection; mentored four engineers.",
    ]);
    expect(profile.experiences[0]?.technologies).not.toContain("Rust");
    expect(profile.education.map((entry) => entry.school)).toEqual(["University of Porto"]);
    expect(profile.projects.map((project) => project.name)).toEqual(["ledgerlint"]);
    expect(profile.skills.map((skill) => skill.name)).toEqual(["Go", "Kubernetes"]);
    expect(profile.contact.email).toBeNull();
    expect(dropped).toEqual(
      expect.arrayContaining([
        { path: "experiences[0].start", value: "2019-04" },
        { path: "experiences[0].bullets[1]", value: "Won the Turing Award." },
        { path: "experiences[0].technologies[4]", value: "Rust" },
        { path: "experiences[1].title", value: "Chief Technology Officer" },
        { path: "experiences[2].company", value: "Globex Corporation" },
        { path: "education[1].school", value: "Stanford University" },
        { path: "projects[1].name", value: "Quantum Ledger" },
        { path: "skills[2]", value: "Haskell" },
        { path: "contact.email", value: "ana@invented.example" },
      ]),
    );
  });

  it("keeps spoken languages and list entries the text writes and drops the rest", async () => {
    const text = [
      "Rui Costa",
      "Languages",
      "Portuguese (native), English (C1)",
      "Certifications",
      "AWS Certified Developer – Associate",
    ].join("\n");
    const output = {
      ...validOutput(),
      languages: [
        { name: "Portuguese", level: "native" },
        { name: "English", level: "fluent" },
        { name: "German", level: "B2" },
      ],
      certifications: ["AWS Certified Developer – Associate", "Google Cloud Professional Architect"],
      awards: ["Employee of the Year"],
    };
    const { profile, dropped } = await parseResumeWithLlm(text, fakeLlm(output));
    expect(profile.languages).toEqual([
      { name: "Portuguese", level: "native" },
      { name: "English", level: null },
    ]);
    expect(profile.certifications).toEqual(["AWS Certified Developer – Associate"]);
    expect(profile.awards).toEqual([]);
    expect(dropped.map((fact) => fact.path)).toEqual(
      expect.arrayContaining(["languages[1].level", "languages[2].name", "certifications[1]", "awards[0]"]),
    );
  });

  it("does not accept a date the source does not write, even a plausible neighbour", async () => {
    const output = validOutput();
    const [first] = output.experiences;
    if (first === undefined) throw new Error("fixture");
    first.end = "2024-06";
    const { profile, dropped } = await parseResumeWithLlm(source, fakeLlm(output));
    expect(profile.experiences[0]?.end).toBeNull();
    expect(dropped).toContainEqual({ path: "experiences[0].end", value: "2024-06" });
  });

  it.each([
    ["a missing field", (output: Record<string, unknown>) => delete output.experiences],
    [
      "a malformed date",
      (output: Record<string, unknown>) =>
        Object.assign((output.experiences as Profile["experiences"])[0] ?? {}, { start: "Jan 2020" }),
    ],
    [
      "an empty company",
      (output: Record<string, unknown>) =>
        Object.assign((output.experiences as Profile["experiences"])[0] ?? {}, { company: " " }),
    ],
    [
      "too many experiences",
      (output: Record<string, unknown>) =>
        Object.assign(output, {
          experiences: Array.from({ length: 101 }, () => validOutput().experiences[0]),
        }),
    ],
  ])("refuses output with %s as PARSE_FAILED", async (_, corrupt) => {
    const output = validOutput() as unknown as Record<string, unknown>;
    corrupt(output);
    const error = await parseResumeWithLlm(source, fakeLlm(output)).catch(
      (caught: unknown) => caught as DocumentError,
    );
    expect(error).toMatchObject({ name: "DocumentError", code: "PARSE_FAILED" });
  });

  it("refuses a non-object answer", async () => {
    await expect(parseResumeWithLlm(source, fakeLlm("not json"))).rejects.toMatchObject({
      code: "PARSE_FAILED",
    });
  });

  it("lets the LLM client's own errors through unchanged", async () => {
    const failure = Object.assign(new Error("provider down"), { code: "LLM_UNAVAILABLE" });
    const llm: StructuredLlm = { structured: async () => Promise.reject(failure) };
    await expect(parseResumeWithLlm(source, llm)).rejects.toBe(failure);
  });

  it("sends the versioned prompt, the (capped) text and the call options", async () => {
    const calls: unknown[][] = [];
    await parseResumeWithLlm(source, fakeLlm(validOutput(), calls), {
      callOptions: { workspaceId: "ws_1" },
      maxInputChars: 100,
    });
    const [schema, prompt, input, options] = calls[0] ?? [];
    expect(schema).toBeDefined();
    expect(prompt).toBe(resumeParsePrompt);
    expect(resumeParsePrompt).toMatchObject({ id: "documents.parse-resume", version: 1 });
    expect((input as { text: string }).text).toHaveLength(100);
    expect(options).toEqual({ workspaceId: "ws_1" });
    expect(resumeParsePrompt.render({ text: "CV" })).toContain("<<<RESUME\nCV\nRESUME>>>");
  });

  it("grounds against the text actually sent, so facts past the cap are dropped", async () => {
    const { profile } = await parseResumeWithLlm(source, fakeLlm(validOutput()), { maxInputChars: 400 });
    expect(profile.experiences.map((experience) => experience.company)).toEqual(["Tidewater Payments"]);
    expect(profile.education).toEqual([]);
  });
});

describe("parseResumeWithLlm grounding dates in five languages (issue 10)", () => {
  it("keeps a German résumé's month names and 'heute'", async () => {
    const german = [
      "Lena Hoffmann",
      "Berufserfahrung",
      "Softwareentwicklerin bei Nordlicht Software GmbH",
      "März 2019 – heute",
      "Datenanalystin bei Helvetia Data AG",
      "Oktober 2016 – Februar 2019",
    ].join("\n");
    const job = (company: string, title: string, start: string, end: string) => ({
      company,
      title,
      start,
      end,
      location: null,
      bullets: [],
      technologies: [],
    });
    const output = {
      ...validOutput(),
      name: "Lena Hoffmann",
      headline: null,
      summary: null,
      contact: { email: null, phone: null, location: null, links: [] },
      experiences: [
        job("Nordlicht Software GmbH", "Softwareentwicklerin", "2019-03", "present"),
        job("Helvetia Data AG", "Datenanalystin", "2016-10", "2019-02"),
      ],
      education: [],
      projects: [],
      skills: [],
    };
    const { profile, dropped } = await parseResumeWithLlm(german, fakeLlm(output));
    expect(dropped).toEqual([]);
    expect(profile.experiences.map(({ start, end }) => [start, end])).toEqual([
      ["2019-03", "present"],
      ["2016-10", "2019-02"],
    ]);
  });
});
