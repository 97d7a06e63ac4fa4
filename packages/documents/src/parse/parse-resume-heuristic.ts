import { emptyProfile } from "../empty-profile";
import type { Profile } from "../profile";
import { isContactSegment, segmentsOf } from "./contact";
import { findDateRange } from "./dates";
import { parseEducation } from "./education";
import { parseExperiences } from "./experience";
import { parseHeader } from "./header";
import { parseListSection, parseSpokenLanguages } from "./languages";
import { toResumeLines } from "./lines";
import { parseProjects, parseSkills } from "./projects-skills";
import { type Section, splitSections } from "./sections";
import { sortUnheadedLines } from "./unheaded";
import { joinWrappedDateRanges } from "./wrapped-dates";

const linesOf = (sections: readonly Section[], kind: Section["kind"]) =>
  sections.filter((section) => section.kind === kind).flatMap((section) => section.lines);

/**
 * Parses résumé text into a `Profile` without an LLM ("basic mode"). Deterministic and synchronous;
 * never invents facts: every company, title and date is copied from the text. Finds the sections by
 * their headings (common variants, any casing, Markdown or plain); without an experience heading,
 * entries with a date range anywhere in the body are kept. Input is extracted text (see `extractText`).
 */
export function parseResumeHeuristic(text: string): Profile {
  const profile = emptyProfile();
  const lines = joinWrappedDateRanges(toResumeLines(text.slice(0, 500_000)));
  const sections = splitSections(lines);
  const headerLines = linesOf(sections, "header");
  // The e-mail fallback searches the (length-capped) lines, never the raw text.
  const header = parseHeader(
    headerLines.map((line) => line.text),
    lines
      .slice(0, 300)
      .map((line) => line.text)
      .join("\n"),
  );
  profile.name = header.name;
  profile.headline = header.headline;
  profile.contact = header.contact;

  const summary = linesOf(sections, "summary")
    .map((line) => line.text)
    .join(" ")
    .trim();
  profile.summary = summary === "" ? null : summary.slice(0, 4000);

  const experienceLines = linesOf(sections, "experience");
  // No experience heading: look for dated entries in the rest, skipping the name and contact lines.
  // The headline ("Systemadministrator · Django") is no entry's title, unless dates follow it.
  const unheaded = sortUnheadedLines(
    experienceLines.length > 0
      ? []
      : headerLines
          .slice(1)
          .filter(
            (line, index, rest) =>
              !segmentsOf(line.text).every(isContactSegment) &&
              (line.text !== header.headline || findDateRange(rest[index + 1]?.text ?? "") !== null),
          ),
  );
  profile.experiences =
    experienceLines.length > 0
      ? parseExperiences(experienceLines)
      : parseExperiences(unheaded.experience, { requireDates: true });
  profile.education = parseEducation([...linesOf(sections, "education"), ...unheaded.education]);
  profile.projects = parseProjects([...linesOf(sections, "projects"), ...unheaded.projects]);
  profile.skills = parseSkills([...linesOf(sections, "skills"), ...unheaded.skills]);
  profile.languages = [
    ...parseSpokenLanguages(linesOf(sections, "languages")),
    ...parseSpokenLanguages(unheaded.languages, { knownOnly: true }),
  ];
  profile.certifications = parseListSection(linesOf(sections, "certifications"));
  profile.awards = parseListSection(linesOf(sections, "awards"));
  profile.publications = parseListSection(linesOf(sections, "publications"));
  profile.volunteering = parseListSection(linesOf(sections, "volunteering"));
  return profile;
}
