import type { YearMonth } from "../profile";
import { trimCharacters } from "./trim";

/** A date range found in a line: [index, index + length) is the text it came from. */
export interface FoundDateRange {
  start: YearMonth | null;
  end: YearMonth | "present" | null;
  index: number;
  length: number;
}

// Month names and common abbreviations in English, Spanish, German, French and Portuguese, written
// without accents (see `foldWord`), and seasons (spring 03, summer 06, autumn 09, winter 12).
const monthSpellings: ReadonlyArray<readonly string[]> = [
  ["jan", "january", "enero", "ene", "januar", "janner", "janvier", "janv", "janeiro"],
  ["feb", "february", "febrero", "februar", "fevrier", "fevr", "fev", "fevereiro"],
  ["mar", "march", "marzo", "marz", "maerz", "mars", "marco"],
  [
    "apr",
    "april",
    "abril",
    "abr",
    "avril",
    "avr",
    "spring",
    "primavera",
    "fruhling",
    "fruhjahr",
    "printemps",
  ],
  ["may", "mayo", "mai", "maio"],
  ["jun", "june", "junio", "juni", "juin", "junho", "summer", "verano", "sommer", "ete", "verao"],
  ["jul", "july", "julio", "juli", "juillet", "juil", "julho"],
  ["aug", "august", "agosto", "ago", "aout", "aou"],
  [
    "sep",
    "sept",
    "september",
    "septiembre",
    "setiembre",
    "septembre",
    "setembro",
    "set",
    "autumn",
    "fall",
    "otono",
    "herbst",
    "automne",
    "outono",
  ],
  ["oct", "october", "octubre", "oktober", "okt", "octobre", "outubro", "out"],
  ["nov", "november", "noviembre", "novembre", "novembro"],
  [
    "dec",
    "december",
    "diciembre",
    "dic",
    "dezember",
    "dez",
    "decembre",
    "dezembro",
    "winter",
    "invierno",
    "hiver",
    "inverno",
  ],
];

/** Lowercase, without accents: "März" → "marz", "décembre" → "decembre". */
const foldWord = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const monthNumbers = new Map<string, number>();
for (const [index, spellings] of monthSpellings.entries())
  for (const spelling of spellings) monthNumbers.set(spelling, index + 1);

// Accented forms are matched as written; NFD text (a decomposed "ä") is folded by normalizeExtractedText.
const accented = [
  "märz",
  "févr",
  "février",
  "août",
  "décembre",
  "março",
  "frühling",
  "frühjahr",
  "été",
  "verão",
  "otoño",
  "jänner",
  "mär",
  "fév",
  "aoû",
  "déc",
];
const monthName = `(?:${[...monthNumbers.keys(), ...accented].sort((a, b) => b.length - a.length).join("|")})`;
const year = "(?:19[5-9]\\d|20\\d\\d)";
// One date: "Jan 2020", "marzo de 2019", "January, 2020", "Jan. 2020", "2019-03", "2019/03", "03/2018",
// "3.2018", "01/03/2019" (Europass day first), "2017".
const oneDate = `(?:${monthName}\\.?,?\\s+(?:de\\s+)?'?${year}|${year}[-/.](?:0?[1-9]|1[0-2])(?![\\d])|(?:0?[1-9]|[12]\\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]${year}|(?:0?[1-9]|1[0-2])[/.]${year}|${year})`;
// An optional preposition before the word: "à ce jour", "hasta la fecha", "até à data", "bis heute".
const present =
  "(?:(?:[aà]|hasta|at[ée]|bis)\\s+)?(?:present|current(?:ly)?|now|today|to\\s+date|ongoing|actualidad|actualmente|presente|hoy|la\\s+fecha|heute|jetzt|aktuell|derzeit|aujourd['’]hui|pr[ée]sent|en\\s+cours|ce\\s+jour|atual(?:mente)?|hoje|o\\s+momento|[aà]\\s+data|maintenant)";
const separator =
  "\\s*(?:[-–—‒―~→]|(?<![\\p{L}])(?:to|until|till|through|thru|bis|hasta|al|au|a|até|à)(?![\\p{L}]))\\s*";
// "2019–21": a two-digit end year right after a dash.
const shortEnd = "(?<=[-–—]\\s?)\\d\\d(?![\\d/.])";
// "From 2021" / "ab 2021" mean "since" only where a date field starts (line start or after a separator):
// inside a sentence "from 2019" is a comparison ("up 20% from 2019"), not a role's start.
const since =
  "(?:since|seit|desde|depuis|dès|a\\s+partir\\s+d[eao]|(?<=^|[|,;·•–—(:]\\s{0,2})(?:from|ab|starting))";

const rangePattern = new RegExp(
  `(?<![\\p{L}\\d/.-])(${oneDate})${separator}(${oneDate}|${present}|${shortEnd})(?![\\p{L}\\d/])`,
  "iu",
);
const sincePattern = new RegExp(`(?<![\\p{L}])${since}\\s+(${oneDate})(?![\\p{L}\\d/])`, "iu");
const singlePattern = new RegExp(`(?<![\\p{L}\\d/.-])(${oneDate})(?![\\p{L}\\d/])`, "iu");

// Every date a text writes (range ends too: only digits and letters may not precede one).
const everyDatePattern = new RegExp(`(?<![\\p{L}\\d])(${oneDate})(?![\\p{L}\\d/])`, "giu");
const ongoingPattern = new RegExp(`(?<![\\p{L}])(?:${present}|${since})(?![\\p{L}])`, "iu");

/** Every year-month a text writes, in any notation and language the grammar reads ("März 2019", "2017"). */
export function yearMonthsIn(text: string): Set<YearMonth> {
  const found = new Set<YearMonth>();
  for (const match of text.matchAll(everyDatePattern)) {
    const parsed = match[1] === undefined ? null : parseOneDate(match[1]);
    if (parsed !== null) found.add(parsed);
  }
  return found;
}

/** Whether a text writes an ongoing role in any of the five languages ("Present", "heute", "seit 2021"). */
export function writesOngoing(text: string): boolean {
  return ongoingPattern.test(text);
}

const pad = (month: number) => String(month).padStart(2, "0");

/** "Jan 2020" → "2020-01", "März 2019" → "2019-03", "2019-03", "03/2018", "01/03/2019" → "2019-03", "2017" → "2017-01". */
export function parseOneDate(raw: string): YearMonth | null {
  const text = foldWord(raw.trim()).replace(/'/g, "");
  const named = /^(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/u.exec(text);
  if (named?.[1] !== undefined && named[2] !== undefined) {
    const month = monthNumbers.get(named[1]);
    return month === undefined ? null : (`${named[2]}-${pad(month)}` as YearMonth);
  }
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst?.[1] !== undefined && yearFirst[2] !== undefined)
    return `${yearFirst[1]}-${pad(Number(yearFirst[2]))}` as YearMonth;
  const monthFirst = /^(?:\d{1,2}[/.])?(\d{1,2})[/.](\d{4})$/.exec(text);
  if (monthFirst?.[1] !== undefined && monthFirst[2] !== undefined)
    return `${monthFirst[2]}-${pad(Number(monthFirst[1]))}` as YearMonth;
  if (/^\d{4}$/.test(text)) return `${text}-01` as YearMonth;
  return null;
}

const presentPattern = new RegExp(`^${present}$`, "iu");

function parseEnd(raw: string, start: YearMonth): YearMonth | "present" | null {
  const text = raw.trim();
  if (presentPattern.test(text)) return "present";
  // "2019–21": the century of the start.
  if (/^\d\d$/.test(text)) return `${start.slice(0, 2)}${text}-01` as YearMonth;
  return parseOneDate(text);
}

/**
 * The first date range in a line: "Jan 2020 – Present", "März 2019 – heute", "2019-03 to 2021-06",
 * "03/2018 - 12/2019", "2017 – 2019", "2019–21", "Since March 2021", "seit 2021", "desde 2020" (ongoing), in
 * English, Spanish, German, French and Portuguese. A start after its end is not a range.
 */
export function findDateRange(line: string): FoundDateRange | null {
  const range = rangePattern.exec(line);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const start = parseOneDate(range[1]);
    const end = start === null ? null : parseEnd(range[2], start);
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
