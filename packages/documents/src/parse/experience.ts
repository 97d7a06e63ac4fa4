import { technologyNames } from "@vitae/taxonomy";
import type { Experience } from "../profile";
import { type FoundDateRange, findDateRange, withoutDate } from "./dates";
import type { ResumeLine } from "./lines";
import { splitTitleAndCompany } from "./roles";

interface EntryDraft {
  header: string[];
  dates: FoundDateRange | null;
  bullets: string[];
}

const maxHeaderLines = 4;

// Entry headers come with dates: on the line itself or on one of the next two lines, before any bullet.
function opensEntry(lines: readonly ResumeLine[], index: number): boolean {
  for (let offset = 0; offset < 3; offset += 1) {
    const line = lines[index + offset];
    if (line === undefined || line.isBullet) return false;
    if (findDateRange(line.text) !== null) return true;
  }
  return false;
}

// A wrapped bullet continues on the next line without a marker: it starts in lowercase, or the bullet
// so far has no closing punctuation and the line opens no entry and does not read as a header.
function isContinuation(
  lines: readonly ResumeLine[],
  index: number,
  previousBullet: string | undefined,
): boolean {
  const line = lines[index];
  if (previousBullet === undefined || line === undefined || line.isBullet) return false;
  if (/^[\p{Ll}\d(&]/u.test(line.text)) return true;
  if (/[.!?;:]$/.test(previousBullet) || opensEntry(lines, index)) return false;
  return !/,|\s(?:at|@)\s|\||\s[–—-]\s/u.test(line.text);
}

/** Groups section lines into entries: header lines (title, company, dates, location), then bullets. */
function draftEntries(lines: readonly ResumeLine[]): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  let current: EntryDraft | undefined;
  lines.forEach((line, index) => {
    const lastBullet = current?.bullets.at(-1);
    if (current !== undefined && isContinuation(lines, index, lastBullet)) {
      current.bullets[current.bullets.length - 1] = `${lastBullet} ${line.text}`.slice(0, 2000);
      return;
    }
    if (line.isBullet) {
      current?.bullets.push(line.text);
      return;
    }
    // Once an entry has its dates, a line that opens no new entry is its description (prose, no markers).
    if (current?.dates != null && !opensEntry(lines, index)) {
      current.bullets.push(line.text);
      return;
    }
    const dates = findDateRange(line.text);
    const startsNew =
      current === undefined ||
      current.bullets.length > 0 ||
      current.header.length >= maxHeaderLines ||
      (dates !== null && current.dates !== null);
    if (startsNew) {
      current = { header: [], dates: null, bullets: [] };
      drafts.push(current);
    }
    const entry = current as EntryDraft;
    if (dates !== null && entry.dates === null) {
      entry.dates = dates;
      const rest = withoutDate(line.text, dates);
      if (rest !== "") entry.header.push(rest);
    } else {
      entry.header.push(line.text);
    }
  });
  return drafts;
}

/**
 * Work experience from the lines of an experience section. An entry needs a title and a company; when
 * `requireDates` is set (lines outside any experience heading), it also needs a date range.
 */
export function parseExperiences(
  lines: readonly ResumeLine[],
  options: { requireDates?: boolean } = {},
): Experience[] {
  const experiences: Experience[] = [];
  for (const draft of draftEntries(lines)) {
    if (options.requireDates === true && draft.dates === null) continue;
    const roles = splitTitleAndCompany(draft.header);
    if (roles === null) continue;
    const bullets = draft.bullets.map((bullet) => bullet.slice(0, 2000)).slice(0, 100);
    experiences.push({
      company: roles.company.slice(0, 200),
      title: roles.title.slice(0, 200),
      start: draft.dates?.start ?? null,
      end: draft.dates?.end ?? null,
      location: roles.location,
      bullets,
      technologies: technologyNames([...draft.header, ...bullets].join("\n")).slice(0, 200),
    });
  }
  return experiences.slice(0, 100);
}
