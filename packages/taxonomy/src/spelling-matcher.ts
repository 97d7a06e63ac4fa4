/**
 * The scanner behind `findTechnologies`: every spelling of one kind (case-insensitive aliases, or
 * case-sensitive abbreviations and contextual forms) as one alternation, longest first, that never starts
 * or ends inside a word.
 *
 * Semantically the scan is `pattern` run globally over the text. Run that way, the engine tries all ~900
 * alternatives at every word start, which made this the hot spot of bulk scoring. So `collect` finds the
 * word starts whose first character can begin a spelling (one cheap character-class scan), and there runs
 * a sticky alternation of only the spellings that begin with that character, in the same order. The
 * first alternative that matches at the leftmost position wins in both, so the matches are the same
 * (tested against `collectByPattern` on a corpus of every spelling in context).
 */

/** What a spelling names; `F` is the caller's record (a definition and its kind). */
export interface SpellingMatcher<F> {
  /** The whole alternation, global: the reference semantics. */
  pattern: RegExp;
  /** Spelling (lower-cased when case-insensitive) → its record; the first registration wins. */
  forms: Map<string, F>;
  caseSensitive: boolean;
  /** Word starts whose first character can begin some spelling. */
  starts: RegExp;
  /** ASCII first character (lower-cased when case-insensitive) → the sticky alternation of its spellings. */
  byFirst: Map<string, RegExp>;
  /** The whole alternation, sticky: for a start the index has no entry for. */
  whole: RegExp;
}

/** A spelling found in the text: its record, as written, and its UTF-16 offsets (`end` exclusive). */
export type SpellingMatch<F> = F & { raw: string; start: number; end: number };

const notAfter = "(?<![\\p{L}\\p{N}_@#+])";
const notBefore = "(?![\\p{L}\\p{N}_+#]|\\.[\\p{L}\\p{N}])";

// ".js"-style names are written three ways: "Vue.js", "VueJS", "Vue JS"; spaces match any whitespace run.
function sourceOf(form: string): string {
  return form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

const isAscii = (character: string) => character.charCodeAt(0) < 128;

/**
 * Compiles the spellings. A mention may not continue a word on either side: "Java" is not in
 * "JavaScript", "C" is not in "C++" or "CI", "Go" is not in "Google"; a trailing "." ends a sentence
 * unless a letter follows ("Node.js").
 */
export function buildSpellingMatcher<F>(
  entries: Array<[string, F]>,
  caseSensitive: boolean,
): SpellingMatcher<F> {
  const forms = new Map<string, F>();
  for (const [spelling, form] of entries) {
    const key = caseSensitive ? spelling : spelling.toLowerCase();
    if (!forms.has(key)) forms.set(key, form);
  }
  const ordered = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const flags = caseSensitive ? "u" : "iu";
  const alternation = (keys: readonly string[]) =>
    `${notAfter}(?:${keys.map(sourceOf).join("|")})${notBefore}`;
  // Case-insensitive: a non-ASCII first character may fold to an ASCII one ("ſ" is "s"), so such
  // spellings join every bucket; an ASCII first character folds only to its other case.
  const firsts = new Set(ordered.map((key) => [...key][0] ?? ""));
  const buckets = new Map<string, string[]>();
  for (const first of firsts) if (isAscii(first)) buckets.set(first, []);
  for (const key of ordered) {
    const first = [...key][0] ?? "";
    for (const [bucketFirst, keys] of buckets) {
      if (bucketFirst === first || (!caseSensitive && !isAscii(first))) keys.push(key);
    }
  }
  const classOf = [...firsts].map((first) => first.replace(/[\\\][^-]/g, "\\$&")).join("");
  return {
    pattern: new RegExp(alternation(ordered), `g${flags}`),
    forms,
    caseSensitive,
    starts: new RegExp(`${notAfter}[${classOf}]`, `g${flags}`),
    byFirst: new Map(
      [...buckets].map(([first, keys]) => [first, new RegExp(alternation(keys), `y${flags}`)]),
    ),
    whole: new RegExp(alternation(ordered), `y${flags}`),
  };
}

function record<F>(matcher: SpellingMatcher<F>, raw: string, start: number): SpellingMatch<F> | undefined {
  const key = (matcher.caseSensitive ? raw : raw.toLowerCase()).replace(/\s+/g, " ");
  const form = matcher.forms.get(key);
  return form === undefined ? undefined : { ...form, raw, start, end: start + raw.length };
}

/** Every spelling in `text`, left to right, non-overlapping: the matches `pattern` finds, found faster. */
export function collectSpellings<F>(text: string, matcher: SpellingMatcher<F>): Array<SpellingMatch<F>> {
  const found: Array<SpellingMatch<F>> = [];
  const { starts, byFirst, whole } = matcher;
  starts.lastIndex = 0;
  for (let start = starts.exec(text); start !== null; start = starts.exec(text)) {
    const character = start[0];
    const lookup = matcher.caseSensitive ? character : character.toLowerCase();
    const sticky = (isAscii(character) ? byFirst.get(lookup) : undefined) ?? whole;
    sticky.lastIndex = start.index;
    const match = sticky.exec(text);
    if (match === null) continue;
    const item = record(matcher, match[0], start.index);
    if (item !== undefined) found.push(item);
    starts.lastIndex = start.index + match[0].length;
  }
  return found;
}

/** The reference scan (`pattern` run globally); `collectSpellings` must return the same matches. */
export function collectByPattern<F>(text: string, matcher: SpellingMatcher<F>): Array<SpellingMatch<F>> {
  const found: Array<SpellingMatch<F>> = [];
  matcher.pattern.lastIndex = 0;
  for (let match = matcher.pattern.exec(text); match !== null; match = matcher.pattern.exec(text)) {
    const item = record(matcher, match[0], match.index);
    if (item !== undefined) found.push(item);
  }
  return found;
}
