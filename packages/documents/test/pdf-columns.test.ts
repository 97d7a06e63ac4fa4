import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readResume } from "../src/index";
import { extractionLimits } from "./support/fixtures";

// A sidebar résumé whose content stream runs row by row (left cell, then right cell, at each height), as
// many word processors write it: stream order interleaves the two columns on every line.
async function rowByRowTwoColumnPdf(left: string[], right: string[], header: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of header) {
    page.drawText(line, { x: 40, y, size: 12, font });
    y -= 18;
  }
  for (let row = 0; row < Math.max(left.length, right.length); row += 1) {
    const leftText = left[row];
    const rightText = right[row];
    if (leftText !== undefined) page.drawText(leftText, { x: 40, y, size: 10, font });
    if (rightText !== undefined) page.drawText(rightText, { x: 220, y, size: 10, font });
    y -= 14;
  }
  return pdf.save();
}

// Table rows as a browser prints them: each row's left cell (every line of it), then its right cell, both
// starting at the row's top.
async function cellByCellRowsPdf(rows: Array<[string[], string[]]>, header: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of header) {
    page.drawText(line, { x: 40, y, size: 12, font });
    y -= 18;
  }
  for (const [left, right] of rows) {
    for (const [index, text] of left.entries())
      page.drawText(text, { x: 40, y: y - index * 14, size: 10, font });
    for (const [index, text] of right.entries())
      page.drawText(text, { x: 160, y: y - index * 14, size: 10, font });
    y -= Math.max(left.length, right.length, 1) * 14 + 4;
  }
  return pdf.save();
}

describe("two-column PDFs read column by column (issue 10)", () => {
  it("keeps the experience and the sidebar apart when the stream interleaves them", async () => {
    const bytes = await rowByRowTwoColumnPdf(
      [
        "jonas.weber@example.org",
        "Berlin, Germany",
        "Kenntnisse",
        "TypeScript",
        "PostgreSQL",
        "Kubernetes",
        "Sprachen",
        "Deutsch — Muttersprache",
      ],
      [
        "Berufserfahrung",
        "Softwareentwickler",
        "Nordlicht Software GmbH, Berlin, Germany",
        "03/2019 – heute",
        "Datenanalyst",
        "Helvetia Data AG, Munich, Germany",
        "01/2016 – 02/2019",
      ],
      ["Jonas Weber", "Softwareentwickler · TypeScript"],
    );
    const read = await readResume(bytes, "pdf", extractionLimits);
    const { experiences, skills } = read.heuristic.profile;
    expect(experiences.map(({ company, title, start, end }) => ({ company, title, start, end }))).toEqual([
      { company: "Nordlicht Software GmbH", title: "Softwareentwickler", start: "2019-03", end: "present" },
      { company: "Helvetia Data AG", title: "Datenanalyst", start: "2016-01", end: "2019-02" },
    ]);
    expect(skills.map((skill) => skill.name)).toEqual(["TypeScript", "PostgreSQL", "Kubernetes"]);
  });

  it("keeps the rows of a dates column (Europass) together", async () => {
    const bytes = await rowByRowTwoColumnPdf(
      ["", "03/2019 – Present", "", "", "01/2016 – 02/2019"],
      [
        "WORK EXPERIENCE",
        "Senior Engineer",
        "Acme Corp – Berlin, Germany",
        "• Led the payments team",
        "Data Analyst",
        "Polar Insights – Lyon, France",
      ],
      ["Jo Park"],
    );
    const read = await readResume(bytes, "pdf", extractionLimits);
    expect(
      read.heuristic.profile.experiences.map(({ company, title, start }) => ({ company, title, start })),
    ).toEqual([
      { company: "Acme Corp", title: "Senior Engineer", start: "2019-03" },
      { company: "Polar Insights", title: "Data Analyst", start: "2016-01" },
    ]);
  });

  it("keeps a dates column together when its ranges wrap (a browser's print of a narrow cell)", async () => {
    const bytes = await cellByCellRowsPdf(
      [
        [[], ["EXPÉRIENCE"]],
        [
          ["01/2021 –", "maintenant"],
          ["Architecte logiciel", "Orbe Numérique SAS – Nantes, France", "• Conçu la plateforme de paiement"],
        ],
        [["01/2018 – 01/2020"], ["Ingénieur DevOps", "Vallée Données – Lyon, France"]],
        [["FORMATION"], []],
        [["2017"], ["Master en Informatique", "Université de Nantes"]],
        [["COMPÉTENCES"], []],
        [["LANGUES"], []],
      ],
      ["Camille Roux"],
    );
    const read = await readResume(bytes, "pdf", extractionLimits);
    expect(
      read.heuristic.profile.experiences.map(({ company, title, start, end }) => ({
        company,
        title,
        start,
        end,
      })),
    ).toEqual([
      { company: "Orbe Numérique SAS", title: "Architecte logiciel", start: "2021-01", end: "present" },
      { company: "Vallée Données", title: "Ingénieur DevOps", start: "2018-01", end: "2020-01" },
    ]);
  });
});
