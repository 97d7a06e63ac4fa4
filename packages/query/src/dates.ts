import { foldText } from "./normalize";
import { relativeToEntity } from "./relative-dates";
import type { AskProfile, DateConstraint, YearMonth } from "./types";
import type { WorkBudget } from "./work-budget";
import { shiftMonths, yearMonthOf } from "./year-month";

const numberWords: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  "a couple of": 2,
  couple: 2,
  "a few": 3,
  few: 3,
};
const monthIndex: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const year = "(19[5-9]\\d|20\\d\\d)";
const count =
  "(\\d{1,2}|a couple of|a few|couple|few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";
const month = `(${Object.keys(monthIndex).join("|")})\\.?`;

const ym = (y: number, m: number): YearMonth => `${y}-${String(m).padStart(2, "0")}` as YearMonth;
const range = (start: YearMonth | null, end: YearMonth | null): DateConstraint => ({
  kind: "range",
  start,
  end,
});

function parseCount(raw: string): number {
  return numberWords[raw] ?? Number(raw);
}

/**
 * Resolves the time a question is about. Explicit ranges win over anchors ("since 2019 at her current
 * job" is a range). `now` is injected so answers are reproducible; "last N years" runs from the same
 * month N years ago through the current month, inclusive.
 */
export function extractDates(
  text: string,
  options: { now: Date; profile: AskProfile; budget?: WorkBudget },
): DateConstraint | null {
  const folded = foldText(text)
    .replace(/[?!.,;]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const nowMonth = yearMonthOf(options.now);
  const nowYear = options.now.getUTCFullYear();
  const yearsOrMonths = (raw: string | undefined, unit: string | undefined) =>
    parseCount(raw ?? "1") * (unit?.startsWith("year") ? 12 : 1);
  const rules: Array<[RegExp, (match: RegExpMatchArray) => DateConstraint]> = [
    [
      new RegExp(
        `\\b(?:between|from) ${year} (?:and|to|until|till|through|-) ${year}\\b|\\b${year} ?(?:-|–|to|until) ?${year}\\b`,
      ),
      (match) => {
        const [from = 0, to = 0] = match
          .slice(1)
          .filter(Boolean)
          .map(Number)
          .sort((a, b) => a - b);
        return range(ym(from, 1), ym(to, 12));
      },
    ],
    [
      new RegExp(`\\b${month} (?:of )?${year}\\b`),
      (match) => {
        const value = ym(Number(match[2]), monthIndex[match[1] ?? ""] ?? 1);
        const before = folded.slice(0, match.index);
        if (/\b(since|from|after)\b/.test(before)) return range(value, nowMonth);
        if (/\b(before|until|till)\b/.test(before)) return range(null, value);
        return range(value, value);
      },
    ],
    [
      new RegExp(`\\b(?:since|starting (?:in|from)|from) ${year}\\b`),
      (match) => range(ym(Number(match[1]), 1), nowMonth),
    ],
    [new RegExp(`\\bafter ${year}\\b`), (match) => range(ym(Number(match[1]) + 1, 1), nowMonth)],
    [new RegExp(`\\b(?:before|prior to) ${year}\\b`), (match) => range(null, ym(Number(match[1]) - 1, 12))],
    [
      new RegExp(`\\b(?:until|till|up to|through|by) ${year}\\b`),
      (match) => range(null, ym(Number(match[1]), 12)),
    ],
    [
      /\b(?:the )?(19|20)?(\d)0s\b/,
      (match) => {
        const century = match[1] === "19" || (!match[1] && Number(match[2]) >= 5) ? 1900 : 2000;
        const first = century + Number(match[2]) * 10;
        return range(ym(first, 1), ym(first + 9, 12));
      },
    ],
    [
      new RegExp(`\\b(?:last|past|previous|recent) ${count} (years?|months?)\\b`),
      (match) => range(shiftMonths(nowMonth, -yearsOrMonths(match[1], match[2])), nowMonth),
    ],
    [
      new RegExp(`\\b${count} (years?|months?) ago\\b`),
      (match) => {
        const at = shiftMonths(nowMonth, -yearsOrMonths(match[1], match[2]));
        const atYear = Number(at.slice(0, 4));
        return match[2]?.startsWith("year") ? range(ym(atYear, 1), ym(atYear, 12)) : range(at, at);
      },
    ],
    [/\blast year\b/, () => range(ym(nowYear - 1, 1), ym(nowYear - 1, 12))],
    [/\bthis year\b/, () => range(ym(nowYear, 1), nowMonth)],
    [new RegExp(`\\b${year}\\b`), (match) => range(ym(Number(match[1]), 1), ym(Number(match[1]), 12))],
  ];
  for (const [pattern, resolve] of rules) {
    const match = folded.match(pattern);
    if (match) return resolve(match);
  }
  const relative = relativeToEntity(folded, options.profile, nowMonth, options.budget);
  if (relative) return relative;
  if (
    /\b(first|earliest) (job|role|position|employer|company|gig|work)\b|\bstart(ed)? (his|her|their) career\b|\bcareer start(ed)?\b|\bfirst worked\b/.test(
      folded,
    )
  ) {
    return { kind: "first" };
  }
  if (
    /\b(previous|prior|former|last|preceding) (job|role|position|employer|company|gig)\b|\bbefore (the|his|her|their) current\b|\bbefore that\b/.test(
      folded,
    )
  ) {
    return { kind: "previous" };
  }
  if (
    /\b(current(ly)?|right now|nowadays|these days|at the moment|today|presently|at present|now|atualmente|actualmente|aktuell|derzeit|actuellement|attualmente)\b/.test(
      folded,
    )
  ) {
    return { kind: "current" };
  }
  return null;
}
