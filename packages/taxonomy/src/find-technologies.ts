import { clauseAround, clauseBoundaries, hasTechnologyContext } from "./context-rules";
import { definitions, technologyOf } from "./registry";
import {
  buildSpellingMatcher,
  collectSpellings,
  type SpellingMatch,
  type SpellingMatcher,
} from "./spelling-matcher";
import type { TechnologyDefinition, TechnologyMention } from "./types";

type FormKind = "alias" | "abbreviation" | "contextual";

interface Form {
  definition: TechnologyDefinition;
  kind: FormKind;
}

type Candidate = SpellingMatch<Form>;

let matchers: [SpellingMatcher<Form>, SpellingMatcher<Form>] | undefined;

/** The two compiled scanners: case-insensitive aliases, and exact-case abbreviations and contextual forms. */
export function getMatchers(): [SpellingMatcher<Form>, SpellingMatcher<Form>] {
  if (matchers !== undefined) return matchers;
  const insensitive: Array<[string, Form]> = [];
  const sensitive: Array<[string, Form]> = [];
  for (const definition of definitions) {
    const contextual = new Set(definition.contextual ?? []);
    const aliases = contextual.has(definition.name) ? [] : [definition.name];
    for (const alias of [...aliases, ...(definition.aliases ?? [])]) {
      // A canonical name that is also an abbreviation ("REST", "React") keeps its exact-case form only.
      if ((definition.abbreviations ?? []).includes(alias)) continue;
      insensitive.push([alias, { definition, kind: "alias" }]);
    }
    for (const abbreviation of definition.abbreviations ?? []) {
      sensitive.push([abbreviation, { definition, kind: "abbreviation" }]);
    }
    for (const form of contextual) sensitive.push([form, { definition, kind: "contextual" }]);
  }
  matchers = [buildSpellingMatcher(insensitive, false), buildSpellingMatcher(sensitive, true)];
  return matchers;
}

// URLs, e-mail addresses and @handles are not mentions ("github.com/react", "go@example.com").
// Quantifiers are bounded so a long run of word characters cannot make the scan quadratic.
const maskedSpans =
  /\b(?:https?:\/\/|www\.)\S{1,2048}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|(?<![\w])@[\w-]{1,64}/giu;
// Every masked span holds "@", "http://", "https://" or "www.": most texts hold none, and skipping the
// mask then spares a scan that tries up to 64 characters at every word character.
const mayHoldMaskedSpan = /@|https?:\/\/|www\./iu;

function masked(text: string): string {
  if (!mayHoldMaskedSpan.test(text)) return text;
  return text.replace(maskedSpans, (span) => " ".repeat(span.length));
}

// A capitalised word right after a contextual form reads as a person's surname: "Julia Roberts", "Ruby Chen".
const capitalisedWordAfter = /^ [A-Z][a-z]+\b/;

interface Context {
  text: string;
  boundaries: readonly number[];
  /** Unambiguous candidates, sorted by start: the anchors a contextual form may lean on. */
  anchors: readonly Candidate[];
  starts: ReadonlySet<number>;
}

function firstAnchorFrom(anchors: readonly Candidate[], offset: number): number {
  let low = 0;
  let high = anchors.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((anchors[middle]?.start ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isAcceptedContextual(context: Context, candidate: Candidate): boolean {
  const { text, anchors } = context;
  const { definition, start, end } = candidate;
  if (definition.rejectBefore?.test(text.slice(end, end + 40))) return false;
  if (definition.rejectAfter?.test(text.slice(Math.max(0, start - 40), start))) return false;
  if (capitalisedWordAfter.test(text.slice(end, end + 40)) && !context.starts.has(end + 1)) return false;
  const [clauseStart, clauseEnd] = clauseAround(context.boundaries, text.length, start);
  let hasNeighbour = false;
  // Only an unambiguous mention anchors a list: "Julia and Ruby" (two names) is not a stack.
  for (let index = firstAnchorFrom(anchors, clauseStart); index < anchors.length; index += 1) {
    const other = anchors[index] as Candidate;
    if (other.start >= clauseEnd) break;
    if (
      other.end <= clauseEnd &&
      other.definition !== definition &&
      (other.start >= end || other.end <= start)
    ) {
      hasNeighbour = true;
      break;
    }
  }
  return hasTechnologyContext(text, start, end, hasNeighbour);
}

/**
 * Every technology mentioned in free text, in order, with UTF-16 offsets into `text`.
 *
 * Word-boundary aware and punctuation aware ("C++", "C#", ".NET", "Node.js", "CI/CD"); the longest
 * spelling wins where spellings overlap ("Spring Boot" over "Spring", "React Native" over "React").
 * Aliases match in any case; abbreviations ("JS", "k8s", "ML") only as written; contextual forms ("Go",
 * "R", "Swift", "Spring", …) only as written and in a technology context (`context-rules.ts`). URLs and
 * e-mail addresses are skipped. Pure and synchronous; linear in practice for résumé-sized text.
 */
export function findTechnologies(text: string): TechnologyMention[] {
  const source = masked(text);
  const [insensitive, sensitive] = getMatchers();
  const all = [...collectSpellings(source, insensitive), ...collectSpellings(source, sensitive)];
  const context: Context = {
    text: source,
    boundaries: clauseBoundaries(source),
    anchors: all.filter((candidate) => candidate.kind !== "contextual").sort((a, b) => a.start - b.start),
    starts: new Set(all.map((candidate) => candidate.start)),
  };
  const accepted = all.filter(
    (candidate) => candidate.kind !== "contextual" || isAcceptedContextual(context, candidate),
  );
  accepted.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: TechnologyMention[] = [];
  let lastEnd = 0;
  for (const candidate of accepted) {
    if (candidate.start < lastEnd) continue;
    const technology = technologyOf(candidate.definition);
    mentions.push({
      name: technology.name,
      category: technology.category,
      raw: text.slice(candidate.start, candidate.end),
      start: candidate.start,
      end: candidate.end,
    });
    lastEnd = candidate.end;
  }
  return mentions;
}

/** The distinct canonical names `findTechnologies` finds, in order of first mention. */
export function technologyNames(text: string): string[] {
  return [...new Set(findTechnologies(text).map((mention) => mention.name))];
}
