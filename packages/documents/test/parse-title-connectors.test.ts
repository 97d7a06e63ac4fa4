import { describe, expect, it } from "vitest";
import { parseResumeHeuristic } from "../src/parse/parse-resume-heuristic";
import { splitTitleAndCompany } from "../src/parse/roles";

describe("'Title <connector> Company' in five languages", () => {
  it.each([
    ["Lead Data Scientist with Sable Ridge Partners LLP", "Lead Data Scientist", "Sable Ridge Partners LLP"],
    [
      "Softwareentwickler im Unternehmen Quillfeather Publishing Ltd",
      "Softwareentwickler",
      "Quillfeather Publishing Ltd",
    ],
    ["Projektleiterin bei der Nordsee Bank AG", "Projektleiterin", "Nordsee Bank AG"],
    ["Développeuse backend au sein de Ribeira Software", "Développeuse backend", "Ribeira Software"],
    ["Ingénieur DevOps au sein d'Orange Business", "Ingénieur DevOps", "Orange Business"],
    ["Técnico de Sistemas para Ribeira Software", "Técnico de Sistemas", "Ribeira Software"],
    ["Arquiteto de Soluções no Banco Meridiano", "Arquiteto de Soluções", "Banco Meridiano"],
    ["Senior Engineer at Atlas Freight", "Senior Engineer", "Atlas Freight"],
  ])("%s", (line, title, company) => {
    expect(splitTitleAndCompany([line])).toMatchObject({ title, company });
  });

  it("keeps a connector inside an organisation's name after a 'Title, Company' comma", () => {
    expect(
      splitTitleAndCompany(["Investigador Postdoctoral, Max Planck Institute for Informatics"]),
    ).toMatchObject({
      title: "Investigador Postdoctoral",
      company: "Max Planck Institute for Informatics",
    });
  });

  it("does not split on a connector letter run inside a word, nor where no title precedes it", () => {
    expect(splitTitleAndCompany(["Engineer atlas"])).toBeNull();
    expect(splitTitleAndCompany(["Friends of the Earth with Kestrel"])).toBeNull();
  });

  it("reads a résumé under other experience headings and connectors", () => {
    const parsed = parseResumeHeuristic(
      [
        "Ruben Vogt",
        "",
        "Berufspraxis",
        "Softwareentwickler im Unternehmen Tannenhof Logistik GmbH",
        "Seit Mär 2021",
        "• Mentored four junior engineers",
        "Systemadministrator im Unternehmen Nordlicht Versicherung AG",
        "Aug 2017 – Feb 2021",
      ].join("\n"),
    );
    expect(
      parsed.experiences.map(({ title, company, start, end }) => ({ title, company, start, end })),
    ).toEqual([
      { title: "Softwareentwickler", company: "Tannenhof Logistik GmbH", start: "2021-03", end: "present" },
      {
        title: "Systemadministrator",
        company: "Nordlicht Versicherung AG",
        start: "2017-08",
        end: "2021-02",
      },
    ]);
  });
});
