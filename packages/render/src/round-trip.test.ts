import { extractText, parseResumeHeuristic } from "@vitae/documents";
import type { Profile } from "@vitae/documents/profile";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx/render-docx";
import { toResumeModel } from "./model";
import { renderPdf } from "./pdf/render-pdf";
import { type ResumeTemplate, resumeTemplates } from "./templates";
import { germanProfile, roundTripProfiles } from "./testing/profiles";

const limits = { timeoutMs: 30_000, maxMemoryMb: 256 };

/** The facts a round trip must keep: the name, then company, title, start and end of every job. */
function facts(profile: Profile): string[] {
  return [
    `name=${profile.name}`,
    ...profile.experiences.flatMap((entry, index) => [
      `${index}.company=${entry.company}`,
      `${index}.title=${entry.title}`,
      `${index}.start=${entry.start}`,
      `${index}.end=${entry.end}`,
    ]),
  ];
}

const renderers: Record<"pdf" | "docx", (profile: Profile, template: ResumeTemplate) => Promise<Buffer>> = {
  pdf: (profile, template) => renderPdf(toResumeModel(profile), template),
  docx: (profile, template) => renderDocx(toResumeModel(profile), template),
};

const cases = resumeTemplates.flatMap((template) =>
  (["pdf", "docx"] as const).map((format) => ({ template, format })),
);

describe("export → extraction → heuristic parse", () => {
  it.each(cases)(
    "$template $format keeps ≥ 95% of names, companies, titles and dates",
    async ({ template, format }) => {
      let expected = 0;
      const missed: string[] = [];
      for (const { id, profile } of roundTripProfiles) {
        const bytes = await renderers[format](profile, template);
        const { text } = await extractText(bytes, format, limits);
        const found = new Set(facts(parseResumeHeuristic(text)));
        const wanted = facts(profile);
        expected += wanted.length;
        for (const fact of wanted) if (!found.has(fact)) missed.push(`${id}: ${fact}`);
      }
      expect(expected).toBeGreaterThan(50);
      expect(missed.length / expected, missed.join("\n")).toBeLessThanOrEqual(0.05);
    },
  );

  it.each(resumeTemplates)(
    "%s pdf: a bullet wrapping before a capitalised word stays in its job",
    async (template) => {
      // "… Größenordnung: 2 Mrd. Ereignisse täglich." wraps; a line starting "Ereignisse" after "Mrd." would
      // read as the next job's header and shift every company and title after it.
      const pdf = await renderPdf(toResumeModel(germanProfile), template);
      const parsed = parseResumeHeuristic((await extractText(pdf, "pdf", limits)).text);
      expect(parsed.experiences.map((entry) => [entry.title, entry.company])).toEqual(
        germanProfile.experiences.map((entry) => [entry.title, entry.company]),
      );
    },
  );
});
