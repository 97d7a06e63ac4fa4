import type { YearMonth } from "../profile";
import { trimCharacters } from "./trim";

/** A date range found in a line: [index, index + length) is the text it came from. */
export interface FoundDateRange {
  start: YearMonth | null;
  end: YearMonth | "present" | null;
  index: number;
  length: number;
}

const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const monthName =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const year = "(?:19[5-9]\\d|20\\d\\d)";
// One date: "Jan 2020", "January, 2020", "Jan. 2020", "2019-03", "2019/03", "03/2018", "3.2018", "2017".
const oneDate = `(?:${monthName}\\.?,?\\s+'?${year}|${year}[-/.](?:0?[1-9]|1[0-2])(?![\\d])|(?:0?[1-9]|1[0-2])[/.]${year}|${year})`;
const present = "(?:present|current(?:ly)?|now|today|to\\s+date|ongoing)";
const separator = "\\s*(?:[-–—‒―~→]|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b)\\s*";

const rangePattern = new RegExp(
  `(?<![\\w/.-])(${oneDate})${separator}(${oneDate}|${present})(?![\\w/])`,
  "iu",
);
const sincePattern = new RegExp(`\\bsince\\s+(${oneDate})(?![\\w/])`, "iu");
const singlePattern = new RegExp(`(?<![\\w/.-])(${oneDate})(?![\\w/])`, "iu");

const pad = (month: number) => String(month).padStart(2, "0");

/** "Jan 2020" → "2020-01", "2019-03" → "2019-03", "03/2018" → "2018-03", "2017" → "2017-01". */
export function parseOneDate(raw: string): YearMonth | null {
  const text = raw.trim().toLowerCase().replace(/'/g, "");
  const named = /^([a-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (named?.[1] !== undefined && named[2] !== undefined) {
    const month = monthNumbers[named[1].slice(0, named[1].startsWith("sept") ? 4 : 3)];
    return month === undefined ? null : (`${named[2]}-${pad(month)}` as YearMonth);
  }
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst?.[1] !== undefined && yearFirst[2] !== undefined)
    return `${yearFirst[1]}-${pad(Number(yearFirst[2]))}` as YearMonth;
  const monthFirst = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (monthFirst?.[1] !== undefined && monthFirst[2] !== undefined)
    return `${monthFirst[2]}-${pad(Number(monthFirst[1]))}` as YearMonth;
  if (/^\d{4}$/.test(text)) return `${text}-01` as YearMonth;
  return null;
}

function parseEnd(raw: string): YearMonth | "present" | null {
  return new RegExp(`^${present}$`, "iu").test(raw.trim()) ? "present" : parseOneDate(raw);
}

/**
 * The first date range in a line: "Jan 2020 – Present", "2019-03 to 2021-06", "03/2018 - 12/2019",
 * "2017 – 2019", "Since March 2021" (ongoing). A start after its end is not a range.
 */
export function findDateRange(line: string): FoundDateRange | null {
  const range = rangePattern.exec(line);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const start = parseOneDate(range[1]);
    const end = parseEnd(range[2]);
    if (start !== null && (end === "present" || (end !== null && end >= start))) {
      return { start, end, index: range.index, length: range[0].length };
    }
  }
  const since = sincePattern.exec(line);
  if (since?.[1] !== undefined) {
    return { start: parseOneDate(since[1]), end: "present", index: since.index, length: since[0].length };
  }
  return null;
}

/** A lone date ("May 2017", "2014"), e.g. a graduation; `null` when the line has none. */
export function findSingleDate(line: string): FoundDateRange | null {
  const single = singlePattern.exec(line);
  if (single?.[1] === undefined) return null;
  const date = parseOneDate(single[1]);
  return date === null ? null : { start: null, end: date, index: single.index, length: single[0].length };
}

/** The line without the matched date text and the brackets or separators left around it. */
export function withoutDate(line: string, found: FoundDateRange): string {
  const rest = `${line.slice(0, found.index)} ${line.slice(found.index + found.length)}`;
  const spaced = rest.replace(/\(\s*\)|\[\s*\]/g, " ").replace(/\s+/g, " ");
  return trimCharacters(trimCharacters(spaced, /[\s|,·•–—-]/u, "start"), /[\s|,·•–—(-]/u, "end").trim();
}
