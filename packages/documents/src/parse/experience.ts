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
// Header lines an entry may have before its date line ("Title" / "Company, City" / dates).
const maxLinesBeforeDates = 3;

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
 * Which lines belong to a bullet: the bullet itself and the unmarked lines that continue it (starting in
 * lowercase or a digit, as a wrapped sentence does). Linear: one pass.
 */
function bulletTails(lines: readonly ResumeLine[]): boolean[] {
  const tails: boolean[] = [];
  lines.forEach((line, index) => {
    tails[index] =
      line.isBullet || (index > 0 && tails[index - 1] === true && /^[\p{Ll}\d(&]/u.test(line.text));
  });
  return tails;
}

// Header lines are short: a long line is a sentence (a description written without a bullet marker).
const isHeaderLine = (line: ResumeLine | undefined) =>
  line !== undefined && !line.isBullet && line.text.length <= 120 && line.text.split(" ").length <= 12;

/**
 * Groups section lines into entries around their date lines (anchors), by the layout the first entry
 * shows: header lines before the dates ("Title at Company" / dates, "Company — City" / "Title, dates",
 * title / company / dates) — every entry then takes as many header lines before its dates as the first
 * one had — or dates first (Europass, a dates column in a table) with the title and company after them.
 * This reads descriptions printed without bullet markers (a browser's PDF of a list) as descriptions.
 */
function draftAnchored(lines: readonly ResumeLine[], anchors: readonly number[]): EntryDraft[] {
  const tails = bulletTails(lines);
  // A header line is never the wrapped end of the previous entry's bullet ("… Größenordnung:" then
  // "2 Mrd. Ereignisse täglich." above the next entry's title).
  const isEntryHeader = (index: number) => isHeaderLine(lines[index]) && tails[index] !== true;
  const first = anchors[0] as number;
  const firstDates = findDateRange(lines[first]?.text ?? "") as FoundDateRange;
  let before = 0;
  while (before < maxLinesBeforeDates && isHeaderLine(lines[first - before - 1])) before += 1;
  const datesFirst = before === 0 && withoutDate(lines[first]?.text ?? "", firstDates) === "";
  // With bullet markers, every contiguous non-bullet run before a date line is that entry's header;
  // without them, descriptions and headers look alike, and the first entry's header size decides.
  const hasBullets = lines.some((line) => line.isBullet);
  const limit = hasBullets ? maxLinesBeforeDates : before;
  const drafts: EntryDraft[] = [];
  let claimed = 0;
  anchors.forEach((anchor, position) => {
    const text = lines[anchor]?.text ?? "";
    const dates = findDateRange(text) as FoundDateRange;
    const rest = withoutDate(text, dates);
    const header: string[] = [];
    let from = anchor;
    if (!datesFirst) {
      while (from > claimed && anchor - from < limit && isEntryHeader(from - 1)) from -= 1;
      for (let index = from; index < anchor; index += 1) header.push(lines[index]?.text ?? "");
    }
    if (rest !== "") header.push(rest);
    const next = anchors[position + 1] ?? lines.length;
    // Dates first, or a header without both a title and a company ("2021 – Present Engineer" then
    // "Acme – Madrid" when a dates column shares the first line): the lines after the dates complete it.
    let body = anchor + 1;
    const limitAfter = body + 2;
    while (
      body < Math.min(next, limitAfter) &&
      (datesFirst ? header.length < 2 : splitTitleAndCompany(header) === null) &&
      isHeaderLine(lines[body])
    ) {
      header.push(lines[body]?.text ?? "");
      body += 1;
    }
    const draft: EntryDraft = { header, dates, bullets: [] };
    drafts.push(draft);
    // The next entry's header lines (as many as the first entry had) are not this entry's description.
    let end = next;
    if (!datesFirst && position + 1 < anchors.length) {
      while (end > body && next - end < limit && isEntryHeader(end - 1)) end -= 1;
    }
    for (let index = body; index < end; index += 1) {
      const line = lines[index] as ResumeLine;
      const last = draft.bullets.at(-1);
      if (last !== undefined && !line.isBullet && /^[\p{Ll}\d(&]/u.test(line.text))
        draft.bullets[draft.bullets.length - 1] = `${last} ${line.text}`.slice(0, 2000);
      else draft.bullets.push(line.text);
    }
    claimed = body;
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
  const anchors: number[] = [];
  lines.forEach((line, index) => {
    if (!line.isBullet && findDateRange(line.text) !== null) anchors.push(index);
  });
  const drafts = anchors.length === 0 ? draftEntries(lines) : draftAnchored(lines, anchors);
  for (const draft of drafts) {
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
