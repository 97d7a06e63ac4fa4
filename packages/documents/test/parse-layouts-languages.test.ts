import { describe, expect, it } from "vitest";
import { findDateRange } from "../src/parse/dates";
import { parseResumeHeuristic } from "../src/parse/parse-resume-heuristic";

const roles = (text: string) =>
  parseResumeHeuristic(text).experiences.map(({ company, title, start, end }) => ({
    company,
    title,
    start,
    end,
  }));

describe("date ranges in five languages (issue 10)", () => {
  it.each([
    ["03/2018 – heute", "2018-03", "present"],
    ["seit 2021", "2021-01", "present"],
    ["März 2019 – Dezember 2021", "2019-03", "2021-12"],
    ["marzo de 2019 – Actualidad", "2019-03", "present"],
    ["octubre 2016 a diciembre 2018", "2016-10", "2018-12"],
    ["mars 2019 – aujourd'hui", "2019-03", "present"],
    ["Depuis août 2020", "2020-08", "present"],
    ["janeiro 2020 – atual", "2020-01", "present"],
    ["Desde 2022", "2022-01", "present"],
    ["2019–21", "2019-01", "2021-01"],
    ["Summer 2019 – Fall 2020", "2019-06", "2020-09"],
    ["01/03/2019 – 15/06/2021", "2019-03", "2021-06"],
    ["2018 bis 2020", "2018-01", "2020-01"],
  ])("%s", (line, start, end) => {
    expect(findDateRange(line)).toMatchObject({ start, end });
  });

  it.each(["2021–19", "Mai", "heute", "out of 2019"])("finds no range in %j", (line) => {
    expect(findDateRange(line)).toBeNull();
  });
});

describe("experience layouts the first fixtures never showed (issue 10)", () => {
  it("reads German headings and dates", () => {
    const text = [
      "Lena Hoffmann",
      "Berufserfahrung",
      "Softwareentwicklerin bei Nordlicht Software GmbH",
      "seit 2021 | Berlin, Germany",
      "• Baute die Abrechnung neu",
      "Datenanalyst bei Helvetia Data AG",
      "03/2018 – 12/2020",
      "• Berichte für 300 Nutzer",
      "Ausbildung",
      "M.Sc. Informatik",
      "Technische Universität München · 2017",
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Nordlicht Software GmbH", title: "Softwareentwicklerin", start: "2021-01", end: "present" },
      { company: "Helvetia Data AG", title: "Datenanalyst", start: "2018-03", end: "2020-12" },
    ]);
  });

  it("does not swap company and title when the employer line comes first, for every entry", () => {
    const text = [
      "Experience",
      "Acme Corp — Berlin, Germany",
      "Senior Engineer, March 2019 – Present",
      "- Led the payments team",
      "Polar Insights — Lyon, France",
      "Data Analyst, January 2016 – February 2019",
      "- Built dashboards",
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Acme Corp", title: "Senior Engineer", start: "2019-03", end: "present" },
      { company: "Polar Insights", title: "Data Analyst", start: "2016-01", end: "2019-02" },
    ]);
  });

  it("reads dates first (Europass) with descriptions printed without bullet markers", () => {
    const text = [
      "WORK EXPERIENCE",
      "Since 2022",
      "Data Analyst",
      "Cobalt Mobility – Porto, Portugal",
      "Introduced contract tests between twelve services",
      "2020–21",
      "Engineering Manager",
      "Alpenblick Versicherung AG – Munich, Germany",
      "Built the reporting dashboard used by 300 analysts",
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Cobalt Mobility", title: "Data Analyst", start: "2022-01", end: "present" },
      {
        company: "Alpenblick Versicherung AG",
        title: "Engineering Manager",
        start: "2020-01",
        end: "2021-01",
      },
    ]);
  });

  it("reads title, 'company, city, country' and dates lines when descriptions have no markers (browser PDF)", () => {
    const text = [
      "Expérience professionnelle",
      "Ingénieur logiciel",
      "Sonnenfeld Automotive GmbH, São Paulo, Brazil",
      "11/2023 – aujourd'hui",
      "Mentored four junior engineers and ran the weekly design review",
      "Introduced contract tests between twelve services",
      "Chef de projet",
      "Bleu Horizon SAS, Lyon, France",
      "01/2019 – 10/2023",
      "Built the reporting dashboard used by 300 analysts",
    ].join("\n");
    expect(roles(text)).toEqual([
      {
        company: "Sonnenfeld Automotive GmbH",
        title: "Ingénieur logiciel",
        start: "2023-11",
        end: "present",
      },
      { company: "Bleu Horizon SAS", title: "Chef de projet", start: "2019-01", end: "2023-10" },
    ]);
  });
});

describe("title or employer by lexicon, legal form and position (issue 10)", () => {
  it("reads a legal form as the employer even when the title has an organisation word", () => {
    const text = [
      "Experience",
      "Bleu Horizon SAS — Lyon, France",
      "Senior Software Engineer, 2012–16",
      "- Ran the platform team",
      "Harbourline Freight Ltd — Lisbon, Portugal",
      "Ingeniera de Software, 04/2020 – Actualidad",
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Bleu Horizon SAS", title: "Senior Software Engineer", start: "2012-01", end: "2016-01" },
      {
        company: "Harbourline Freight Ltd",
        title: "Ingeniera de Software",
        start: "2020-04",
        end: "present",
      },
    ]);
  });

  it("completes a header from the next line when a dates column shares the title's line", () => {
    const text = [
      "EXPERIENCIA PROFESIONAL",
      "2021 – Actualidad Desarrollador Backend",
      "Tidewater Payments Inc. – Madrid, Spain",
      "• Cut p95 latency by 40%",
      "2019–20 Ingeniero DevOps",
      "Ibérica Energía S.A. – Toronto, Canada",
    ].join("\n");
    expect(roles(text)).toEqual([
      {
        company: "Tidewater Payments Inc.",
        title: "Desarrollador Backend",
        start: "2021-01",
        end: "present",
      },
      { company: "Ibérica Energía S.A.", title: "Ingeniero DevOps", start: "2019-01", end: "2020-01" },
    ]);
  });

  it("does not read the headline of a résumé without headings as an entry", () => {
    const text = [
      "Lucía Martín Ortega",
      "Systemadministrator · Django",
      "lucia@example.org | Munich, Germany",
      "Systemadministrator — Cerrado Agro Ltda",
      "2021 – heute",
      "• Reduced cloud spend by 25%",
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Cerrado Agro Ltda", title: "Systemadministrator", start: "2021-01", end: "present" },
    ]);
  });
});

describe("education in five languages and with a dates column (issue 10)", () => {
  it("reads degrees, fields with their connector, schools and a year printed before the entry", () => {
    const text = [
      "Formación Académica",
      "2019",
      "Grado en Ingeniería Informática",
      "Universidad de Buenos Aires",
      "Diplôme d'ingénieur en Génie logiciel",
      "INSA Toulouse · 2015",
      "Promotion Informatik",
      "Karlsruher Institut für Technologie · 2012",
    ].join("\n");
    expect(parseResumeHeuristic(text).education).toEqual([
      {
        school: "Universidad de Buenos Aires",
        degree: "Grado",
        field: "Ingeniería Informática",
        start: null,
        end: "2019-01",
      },
      {
        school: "INSA Toulouse",
        degree: "Diplôme d'ingénieur",
        field: "Génie logiciel",
        start: null,
        end: "2015-01",
      },
      {
        school: "Karlsruher Institut für Technologie",
        degree: "Promotion",
        field: "Informatik",
        start: null,
        end: "2012-01",
      },
    ]);
  });
});

describe("names written with an academic title (issue 10)", () => {
  it.each([
    ["Dr. Helga Braun", "Helga Braun"],
    ["Prof. Dr. Rafael Nunes", "Rafael Nunes"],
    ["Dr. rer. nat. Helga Braun", "Helga Braun"],
    ["DR. HELGA BRAUN", "Helga Braun"],
    ["Helga Braun, PhD", "Helga Braun"],
  ])("%s", (line, name) => {
    expect(parseResumeHeuristic(`${line}\nResearch Scientist\nExperience`).name).toBe(name);
  });
});

describe("a résumé without any heading (issue 10)", () => {
  it("takes education, skills and project lines out of the last role", () => {
    const profile = parseResumeHeuristic(
      [
        "Marta Gil",
        "Softwareentwickler · Apache Kafka",
        "marta.gil@example.org | Berlin, Germany",
        "Teamleiter Entwicklung — Pampa Seguros S.A.",
        "2017–21",
        "• Reduced cloud spend by 25%",
        "M.Sc. Wirtschaftsinformatik, Universität Heidelberg, 2014",
        "Figma, Java, Terraform, Go, Python",
        "Sextant — map of urban trees from open municipal data",
        "Quillmark — tide-aware route planner for sailing clubs",
      ].join("\n"),
    );
    expect(profile.experiences).toMatchObject([
      {
        company: "Pampa Seguros S.A.",
        title: "Teamleiter Entwicklung",
        bullets: ["Reduced cloud spend by 25%"],
      },
    ]);
    expect(profile.education).toMatchObject([
      { school: "Universität Heidelberg", degree: "M.Sc.", end: "2014-01" },
    ]);
    expect(profile.skills.map((skill) => skill.name)).toEqual(["Figma", "Java", "Terraform", "Go", "Python"]);
    expect(profile.projects.map((project) => project.name)).toEqual(["Sextant", "Quillmark"]);
  });
});

describe("languages, certifications, awards, publications and volunteering end a section (issue 10)", () => {
  it.each([
    ["Publikationen", "Braun, H. Sparse priors for gene networks, 2018 – 2019"],
    ["Ehrenamt", "Trainerin, Jugendfußball Berlin, 2015 – 2018"],
    ["Certificaciones", "AWS Certified Solutions Architect, 2020 – 2023"],
    ["Prix", "Prix de l'innovation, Ville de Lyon, 2016 – 2017"],
    ["Idiomas", "Español (nativo), Inglés (avanzado)"],
  ])("%s", (heading, line) => {
    const text = [
      "Experience",
      "Software Engineer at Nordlicht Software GmbH",
      "2019 – Present",
      heading,
      line,
    ].join("\n");
    expect(roles(text)).toEqual([
      { company: "Nordlicht Software GmbH", title: "Software Engineer", start: "2019-01", end: "present" },
    ]);
  });
});
