import { emptyProfile, type Profile } from "@vitae/documents/profile";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { toResumeModel } from "../model";
import { resumeTemplates, sectionTitles } from "../templates";
import { pdfGlyphs, pdfLinks, pdfPages } from "../testing/inspect";
import { germanProfile } from "../testing/profiles";
import { renderPdf } from "./render-pdf";
import { wrapLines } from "./wrap";

const diacritics = "é ü ß ç ã ñ ø å Łódź Źdźbło żółć Příliš žluťoučký kůň úpěl ďábelské ódy";

function longProfile(jobs: number): Profile {
  return {
    ...emptyProfile(),
    name: "Zoë Brontë-Dvořák",
    headline: "Staff Engineer",
    experiences: Array.from({ length: jobs }, (_, index) => ({
      company: `Company ${index + 1} GmbH`,
      title: `Engineer ${index + 1}`,
      start: "2001-01",
      end: "2002-02",
      location: null,
      // Uneven blocks, so page ends fall at every position within a job somewhere in the document.
      bullets: Array.from(
        { length: 1 + (index % 4) },
        (__, bullet) =>
          `Delivered project ${bullet + 1} of job ${index + 1} on time, with office staff and affluent financiers.`,
      ),
      technologies: [],
    })),
  };
}

describe("renderPdf", () => {
  it.each(resumeTemplates)(
    "%s: embeds its TrueType font and extracts non-Latin text exactly",
    async (template) => {
      const profile = { ...germanProfile, summary: diacritics };
      const pdf = await renderPdf(toResumeModel(profile), template);
      const raw = pdf.toString("latin1");
      expect(raw).toMatch(/\/FontFile2\b/);
      expect(raw).not.toMatch(/\/BaseFont\s*\/Helvetica/);
      const text = (await pdfPages(pdf)).join("\n");
      expect(text).toContain(diacritics);
      expect(text).toContain("Jürgen Weiß-Łukasiewicz");
    },
  );

  it("draws no ligatures: every glyph stands for one letter, and the text reads back as written", async () => {
    const profile = {
      ...emptyProfile(),
      name: "Fiona Official",
      summary: "office find flow affluent efficient",
    };
    const pdf = await renderPdf(toResumeModel(profile), "classic");
    const glyphs = await pdfGlyphs(pdf);
    expect(glyphs.join("")).toContain("office find flow affluent efficient");
    expect(glyphs.filter((glyph) => glyph.length > 1)).toEqual([]);
    const text = (await pdfPages(pdf)).join("\n");
    expect(text).toContain("office find flow affluent efficient");
    expect(text).not.toMatch(/[\ufb00-\ufb06]/);
  });

  it.each(resumeTemplates)(
    "%s: breaks a long résumé between blocks, never after a lone heading or job title",
    async (template) => {
      const pages = await pdfPages(await renderPdf(toResumeModel(longProfile(40)), template));
      expect(pages.length).toBeGreaterThan(3);
      const headings = Object.values(sectionTitles).flatMap((title) => [title, title.toUpperCase()]);
      for (const page of pages.slice(0, -1)) {
        const last = page.trim().split("\n").at(-1) ?? "";
        expect(headings).not.toContain(last.trim());
        expect(last).not.toMatch(/^(?:Engineer \d+|Company \d+ GmbH|Jan 2001)/);
      }
      const text = pages.join("\n");
      for (let job = 1; job <= 40; job += 1) expect(text).toContain(`Company ${job} GmbH`);
    },
  );

  it("keeps a hostile name inside the metadata string: no action, no open action", async () => {
    const name = ") /S /JavaScript /JS (app.alert(1)) >> /OpenAction << /S /Launch /F (calc.exe)";
    const pdf = await renderPdf(toResumeModel({ ...emptyProfile(), name }), "modern");
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const { info } = await document.getMetadata();
    expect((info as { Title?: string }).Title).toBe(name);
    expect(await document.getJSActions()).toBeNull();
    expect(await document.getOpenAction()).toBeNull();
    expect((await pdfLinks(pdf)).targets).toEqual([]);
  });

  it("annotates the profile's safe links and nothing else", async () => {
    const { targets } = await pdfLinks(await renderPdf(toResumeModel(germanProfile), "modern"));
    // A link that wraps gets one annotation per line, all to the same target.
    expect([...new Set(targets)].sort()).toEqual([
      "https://github.com/jweiss",
      "https://github.com/jweiss/ledger-pruefer",
      "https://xn--jrgen-wei-o1a42a.example.de/",
      "mailto:juergen.weiss@example.de",
    ]);
  });
});

describe("wrapLines", () => {
  const measure = (text: string) => text.length;

  it("moves a break so the next line starts in lowercase or a digit", () => {
    expect(wrapLines("Scaled the data platform; Size: 2 bn. Events a day", 40, measure)).toEqual([
      "Scaled the data platform; Size: 2",
      "bn. Events a day",
    ]);
  });

  it("falls back to the greedy break when no better one is near", () => {
    expect(wrapLines("Alpha Beta Gamma Delta Epsilon Zeta", 17, measure)).toEqual([
      "Alpha Beta Gamma",
      "Delta Epsilon",
      "Zeta",
    ]);
  });
});
