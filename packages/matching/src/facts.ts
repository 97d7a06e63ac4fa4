import { findTechnologies, normalizeTechnology } from "@vitae/taxonomy";
import { memoised } from "./memo";
import type { MatchProfile, YearMonth } from "./types";
import { contentWords, languagesMentioned } from "./vocabulary";

/** One citable unit of a profile, flattened for matching. */
export interface ProfileFact {
  id: string;
  kind: "experience" | "education" | "project" | "skill" | "summary" | "attestation";
  text: string;
  /**
   * Each canonical technology the fact names followed by the words that named it — `[canonical, words,
   * canonical, words, …]`, each canonical once, in the order found. Flat, so stored features are read
   * back without building a map per fact (see {@link technologyWords}).
   */
  technologies: readonly string[];
  languages: string[];
  /**
   * The distinct `contentWords` of `text` in order, with a space before and after each (" go kubernete "),
   * so a word is among them exactly when `" <word> "` occurs: content words never hold a space. One
   * string rather than a set, so stored features are read back without a set per fact.
   */
  words: string;
  start: YearMonth | null;
  end: YearMonth | "present" | null;
}

// Skills and listed technologies repeat across profiles: each raw name is normalised once.
const canonicalOf = memoised(20_000, (name: string) => normalizeTechnology(name)?.name ?? name);

// The words as written come first ("Golang" in a skill's raw text), the listed canonical names fill in.
function technologiesOf(listed: readonly string[], text: string): string[] {
  const found: string[] = [];
  const add = (canonical: string, raw: string) => {
    for (let index = 0; index < found.length; index += 2) if (found[index] === canonical) return;
    found.push(canonical, raw);
  };
  for (const mention of findTechnologies(text)) add(mention.name, mention.raw);
  for (const name of listed) add(canonicalOf(name), name);
  return found;
}

/** The words of `fact` that named technology `canonical`, or undefined when it names no such technology. */
export function technologyWords(fact: ProfileFact, canonical: string): string | undefined {
  const { technologies } = fact;
  for (let index = 0; index < technologies.length; index += 2) {
    if (technologies[index] === canonical) return technologies[index + 1];
  }
  return undefined;
}

/** The canonical technologies `fact` names, in order. */
export function technologyNames(fact: ProfileFact): string[] {
  return fact.technologies.filter((_, index) => index % 2 === 0);
}

/** `text`'s distinct content words as {@link ProfileFact.words} holds them. */
export function wordsOf(text: string): string {
  const seen = new Set<string>();
  let spaced = " ";
  for (const word of contentWords(text)) {
    if (seen.has(word)) continue;
    seen.add(word);
    spaced += `${word} `;
  }
  return spaced;
}

/** Whether `fact` has content word `word`, given as `" <word> "` (see {@link ProfileFact.words}). */
export function hasWord(fact: ProfileFact, spacedWord: string): boolean {
  return fact.words.includes(spacedWord);
}

function fact(
  id: string,
  kind: ProfileFact["kind"],
  text: string,
  listed: readonly string[] = [],
  dates: Pick<ProfileFact, "start" | "end"> = { start: null, end: null },
): ProfileFact {
  return {
    id,
    kind,
    text,
    technologies: technologiesOf(listed, text),
    languages: languagesMentioned(text),
    words: wordsOf(text),
    ...dates,
  };
}

/**
 * The profile's own facts — every experience, education entry, project, skill and the summary/headline
 * (`<profileId>:summary`) — each with the technologies it names. Attestations are not among them: they
 * are stored apart from the profile and change without a new profile version.
 */
export function contentFacts(profile: MatchProfile): ProfileFact[] {
  const facts: ProfileFact[] = [];
  const summary = [profile.headline, profile.summary].filter((part) => part !== null).join("\n");
  if (summary.length > 0) facts.push(fact(`${profile.id}:summary`, "summary", summary));
  for (const experience of profile.experiences) {
    const text = [experience.title, experience.company, ...experience.bullets].join("\n");
    facts.push(
      fact(experience.id, "experience", text, experience.technologies, {
        start: experience.start,
        end: experience.end,
      }),
    );
  }
  for (const entry of profile.education) {
    const text = [entry.degree, entry.field, entry.school].filter((part) => part !== null).join(", ");
    facts.push(fact(entry.id, "education", text, [], { start: entry.start, end: entry.end }));
  }
  for (const project of profile.projects) {
    const text = [project.name, project.description ?? ""].join("\n");
    facts.push(fact(project.id, "project", text, project.technologies));
  }
  for (const skill of profile.skills) {
    const item = fact(skill.id, "skill", skill.raw, [skill.name]);
    if (!item.languages.length) item.languages = languagesMentioned(skill.name);
    facts.push(item);
  }
  return facts;
}

/** The profile's attestations as facts, in order: `<profileId>:attestation:<index>` when one has no id. */
export function attestationFacts(profile: Pick<MatchProfile, "id" | "attestations">): ProfileFact[] {
  return (profile.attestations ?? []).map((attestation, index) => {
    const id = attestation.id ?? `${profile.id}:attestation:${index}`;
    return fact(id, "attestation", attestation.skill, [attestation.skill]);
  });
}

/** The profile as facts: its {@link contentFacts}, then its {@link attestationFacts}. */
export function profileFacts(profile: MatchProfile): ProfileFact[] {
  return [...contentFacts(profile), ...attestationFacts(profile)];
}

function monthIndex(value: YearMonth): number {
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

/**
 * Years of experience covered by the given facts' date ranges: ranges are merged so overlapping jobs
 * count once; `"present"` is `today`; an unknown end counts as the start month only; a range without a
 * start counts nothing. Both ends are inclusive months.
 */
export function yearsCovered(facts: readonly ProfileFact[], today: YearMonth): number {
  const ranges: Array<[number, number]> = [];
  for (const item of facts) {
    if (item.start === null) continue;
    const start = monthIndex(item.start);
    const end = item.end === "present" ? monthIndex(today) : item.end === null ? start : monthIndex(item.end);
    if (end >= start) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let current: [number, number] | null = null;
  for (const range of ranges) {
    if (current !== null && range[0] <= current[1] + 1) {
      current[1] = Math.max(current[1], range[1]);
      continue;
    }
    if (current !== null) months += current[1] - current[0] + 1;
    current = [range[0], range[1]];
  }
  if (current !== null) months += current[1] - current[0] + 1;
  return Math.round((months / 12) * 10) / 10;
}
