import type { SpokenLanguage } from "../profile";
import type { ResumeLine } from "./lines";
import { trimCharacters } from "./trim";

// Names of spoken languages as English, Spanish, German, French and Portuguese write them (folded: lower
// case, no accents). Used where no heading says "Languages": a line of these names is a languages line.
const languageNames = new Set(
  [
    "english ingles englisch anglais",
    "spanish espanol castellano spanisch espagnol espanhol",
    "german aleman deutsch allemand alemao",
    "french frances franzosisch francais",
    "portuguese portugues portugiesisch portugais",
    "italian italiano italienisch italien",
    "dutch neerlandes hollandes niederlandisch neerlandais holandes",
    "catalan katalanisch catala",
    "galician gallego galego",
    "basque euskera baskisch",
    "russian ruso russisch russe russo",
    "polish polaco polnisch polonais",
    "czech checo tschechisch tcheque",
    "swedish sueco schwedisch suedois",
    "danish danes danisch danois dinamarques",
    "norwegian noruego norwegisch norvegien noruegues",
    "finnish finlandes finnisch finnois",
    "greek griego griechisch grec grego",
    "turkish turco turkisch turc",
    "arabic arabe arabisch",
    "hebrew hebreo hebraisch hebreu hebraico",
    "hindi urdu bengali punjabi tamil telugu kannada marathi",
    "chinese chino chinesisch chinois mandarin cantonese cantones kantonesisch",
    "japanese japones japanisch japonais",
    "korean coreano koreanisch coreen",
    "vietnamese thai indonesian malay swahili yoruba igbo hausa amharic",
    "romanian rumano rumanisch roumain romeno",
    "hungarian hungaro ungarisch hongrois",
    "ukrainian ucraniano ukrainisch ukrainien",
    "persian farsi persa persisch persan",
  ]
    .join(" ")
    .split(" "),
);

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Whether a name is a spoken language the parser knows ("Deutsch", "Inglés", "Mandarin Chinese"). */
export function isLanguageName(text: string): boolean {
  const words = fold(text).split(" ");
  return words.length > 0 && words.length <= 3 && words.some((word) => languageNames.has(word));
}

// "English (native)", "Deutsch — Muttersprache", "French: B2", "Spanish - fluent", "Italian, B1" is two
// items; the level is what follows the name.
const withLevel = /^(.{1,40}?)\s*(?:\(([^()]{1,80})\)|\s[—–-]\s(.{1,80})|:\s*(.{1,80}))$/u;

function itemOf(raw: string): SpokenLanguage | null {
  const text = trimCharacters(raw, /[\s.,;]/u).trim();
  if (text === "") return null;
  const match = withLevel.exec(text);
  const name = (match?.[1] ?? text).trim();
  const level = (match?.[2] ?? match?.[3] ?? match?.[4] ?? "").trim();
  if (name === "" || name.length > 40 || name.split(/\s+/).length > 3) return null;
  return { name, level: level === "" ? null : level.slice(0, 100) };
}

/** Splits a line on separators outside parentheses: "English (native, C2), German (B1)" is two items. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const character of text) {
    if (character === "(") depth += 1;
    if (character === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;|•·]/u.test(character)) {
      items.push(current);
      current = "";
    } else current += character;
  }
  items.push(current);
  return items;
}

/**
 * Spoken languages with their levels from the lines of a Languages section ("English (native), German
 * (B2)", one "Français — courant" per line, "Spanish: fluent"). With `knownOnly`, only items whose name is a
 * known language count (a line outside any section).
 */
export function parseSpokenLanguages(
  lines: readonly ResumeLine[],
  options: { knownOnly?: boolean } = {},
): SpokenLanguage[] {
  const found = new Map<string, SpokenLanguage>();
  for (const line of lines) {
    for (const raw of splitItems(line.text.replace(/^[\p{L} ]{2,30}:\s+(?=\p{L}+\s*[(:—–-])/u, ""))) {
      const item = itemOf(raw);
      if (item === null || (options.knownOnly && !isLanguageName(item.name))) continue;
      const key = fold(item.name);
      if (!found.has(key)) found.set(key, item);
    }
  }
  return [...found.values()].slice(0, 30);
}

/** Whether a line outside any section lists spoken languages: at least two items, all known languages. */
export function isLanguagesLine(text: string): boolean {
  const items = splitItems(text).filter((item) => item.trim() !== "");
  return items.length >= 2 && items.every((item) => isLanguageName(itemOf(item)?.name ?? ""));
}

/**
 * The entries of a list section (certifications, awards, publications, volunteering): one per line; a
 * bullet starts a new entry and a wrapped line that starts in lower case continues the previous one.
 */
export function parseListSection(lines: readonly ResumeLine[]): string[] {
  const entries: string[] = [];
  for (const line of lines) {
    const previous = entries.at(-1);
    if (previous !== undefined && !line.isBullet && /^\p{Ll}/u.test(line.text))
      entries[entries.length - 1] = `${previous} ${line.text}`.slice(0, 1000);
    else entries.push(line.text.slice(0, 1000));
  }
  return entries.slice(0, 50);
}
