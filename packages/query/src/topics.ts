import { languageWithLevel, listSections, sectionFactId } from "./facts";
import { industries, spokenLanguages } from "./lexicon";
import { type SectionKey, sections } from "./lexicon-sections";
import { foldText, type NormalizedQuestion } from "./normalize";
import { contentTerms } from "./terms";
import type { AskProfile, FactKind, Intent } from "./types";

/**
 * A kind of question answered from résumé text rather than from a role, school or technology: spoken
 * languages, an industry, a section (publications, awards, certifications, teaching), or a number about a
 * role ("by how much did she …").
 */
export type Topic =
  | { kind: "languages"; asked: string[] }
  /** `generic`: "which industries has she worked in?" names none; the answer names those the résumé shows. */
  | {
      kind: "industry";
      labels: string[];
      evidence: RegExp;
      /** The evidence stems inside an employer's name ("Nubank", "Healthline"), where no word boundary is. */
      inName: RegExp;
      generic?: true;
    }
  | { kind: "section"; key: SectionKey; label: string; evidence: RegExp }
  | { kind: "quantity"; terms: string[] };

/** The intent each topic answers as (the closed intent list has no "languages" or "awards"). */
export const topicIntents: Record<Topic["kind"] | SectionKey, Intent> = {
  languages: "skills",
  industry: "experience",
  quantity: "experience",
  section: "experience",
  publications: "projects",
  awards: "summary",
  certifications: "education",
  teaching: "experience",
  volunteering: "summary",
};

export function topicIntent(topic: Topic): Intent {
  return topicIntents[topic.kind === "section" ? topic.key : topic.kind];
}

const escapeRegex = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Alternations of fixed words: no nested quantifiers, so each test is linear in the text.
const wordsPattern = (words: readonly string[]) =>
  new RegExp(`\\b(?:${words.map(escapeRegex).join("|")})\\b`);
const prefixPattern = (words: readonly string[]) => new RegExp(`\\b(?:${words.map(escapeRegex).join("|")})`);

const languageNames = new Map<string, string>();
for (const [english, ...others] of spokenLanguages) {
  for (const name of [english, ...others]) languageNames.set(foldText(name), english);
}
const languagePattern = new RegExp(`\\b(${[...languageNames.keys()].map(escapeRegex).join("|")})\\b`, "g");
const speakPattern =
  /\b(speaks?|speaking|spoken|fluent\w{0,4}|fluency|native (speaker|language|tongue)|mother tongue|bilingual|multilingual|idiomas?|sprachen|langues|lingue|talen)\b/;
const workFrame =
  /\b(work\w{0,4}|experience\w{0,2}|background|industr\w{0,4}|sectors?|domains?|fields?|space|compan\w{1,4}|employ\w{0,5}|clients?|career|positions?|roles?|jobs?|posts?)\b/;
// "What did he do after university?" places a time, not an employer: such phrases never name an industry.
const studyTime =
  /\b(after|before|since|during|while (?:at|in)) (?:the |her |his |their |a )?(universit\w{1,3}|college|school|studies|graduat\w{0,5})\b/g;
const genericIndustryPattern =
  /\b(which|what|what kinds? of|what types? of|how many) (industr\w{0,4}|sectors?|domains?|verticals?|fields?)\b/;
const quantityPattern =
  /\b(by how much|how much|how many|what percentage|what percent|how big|how large|how fast|how often)\b/;
const countingPattern =
  /\bhow many (years?|months?|roles?|jobs?|positions?|compan\w+|employers?|projects?|degrees?|skills?|languages?|technologies)\b/;
const quantityWords = new Set(["much", "many", "percentag", "percent", "big", "larg", "fast", "often", "by"]);

const sectionMatchers = sections.map((section) => ({
  ...section,
  askedPattern: wordsPattern(section.asked),
  evidencePattern: prefixPattern(section.evidence),
}));
// Short stems would match inside unrelated names ("oil" in "Foil"); four letters and one word or more only.
const inNamePattern = (words: readonly string[]) =>
  new RegExp(
    words
      .filter((word) => word.length >= 4 && !word.includes(" "))
      .map(escapeRegex)
      .join("|") || "$^",
  );
const industryMatchers = industries.map((industry) => ({
  ...industry,
  askedPattern: wordsPattern(industry.asked),
  evidencePattern: prefixPattern(industry.evidence),
  namePattern: inNamePattern(industry.evidence),
}));

/** Whether a piece shows an industry: its words, or (a role line) a stem inside the employer's name. */
function shows(piece: Evidence, evidence: RegExp, inName: RegExp): boolean {
  if (evidence.test(piece.folded)) return true;
  const role = piece.role;
  return (
    role !== undefined &&
    piece.text === `${role.title} at ${role.company}` &&
    inName.test(foldText(role.company))
  );
}

/** Industry questions are about work: roles, projects and the summary, never the schools attended. */
const workKinds: ReadonlySet<FactKind> = new Set(["experience", "project", "summary"]);

/** The industries (their labels, in lexicon order) that some of `pieces` show. */
export function industriesShownBy(pieces: readonly Evidence[]): string[] {
  return industryMatchers
    .filter((industry) =>
      pieces.some((piece) => shows(piece, industry.evidencePattern, industry.namePattern)),
    )
    .map((industry) => industry.label);
}

/** Spoken languages named in a text, by their English name, first mention first. */
export function languagesIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of foldText(text).matchAll(languagePattern)) {
    const english = languageNames.get(match[1] ?? "");
    if (english) found.add(english);
  }
  return [...found];
}

/**
 * Finds the topic of a question, if it has one. A named technology keeps "streaming" in "Kafka streaming" a
 * technology question, and a named role, school or project keeps "the M5 competition" about that project.
 */
export function detectTopic(
  question: NormalizedQuestion,
  named: { technology: boolean; entity: boolean },
): Topic | null {
  const text = question.folded;
  const asked = languagesIn(text);
  if (speakPattern.test(text)) return { kind: "languages", asked };
  if (named.entity) return quantityTopic(text);
  for (const section of sectionMatchers) {
    if (section.askedPattern.test(text)) {
      return { kind: "section", key: section.key, label: section.label, evidence: section.evidencePattern };
    }
  }
  if (asked.length > 0 && !named.technology) return { kind: "languages", asked };
  if (!named.technology && workFrame.test(text)) {
    const workText = text.replace(studyTime, " ");
    const matched = industryMatchers.filter((industry) => industry.askedPattern.test(workText));
    if (matched.length > 0) {
      return {
        kind: "industry",
        labels: matched.map((industry) => industry.label),
        evidence: new RegExp(matched.map((industry) => industry.evidencePattern.source).join("|")),
        inName: new RegExp(matched.map((industry) => industry.namePattern.source).join("|")),
      };
    }
    if (genericIndustryPattern.test(text)) {
      return {
        kind: "industry",
        labels: [],
        evidence: new RegExp(industryMatchers.map((industry) => industry.evidencePattern.source).join("|")),
        inName: new RegExp(industryMatchers.map((industry) => industry.namePattern.source).join("|")),
        generic: true,
      };
    }
  }
  return quantityTopic(text);
}

function quantityTopic(text: string): Topic | null {
  if (!quantityPattern.test(text) || countingPattern.test(text)) return null;
  const terms = contentTerms(text).filter((term) => !quantityWords.has(term));
  return terms.length > 0 ? { kind: "quantity", terms } : null;
}

/** One sentence-sized piece of a profile that can answer a topic, with the fact it cites. */
export interface Evidence {
  factId: string;
  kind: FactKind;
  /** Searchable, folded. */
  folded: string;
  /** The piece as the résumé writes it. */
  text: string;
  /** Experience pieces: the role they belong to. */
  role?: { company: string; title: string };
}

/**
 * Every sentence-sized piece of the profile, in résumé order (summary, roles, schools, projects, skills),
 * then each spoken language and each entry of the list sections.
 */
export function evidenceOf(profile: AskProfile): Evidence[] {
  const pieces: Evidence[] = [];
  const add = (factId: string, kind: FactKind, text: string, role?: Evidence["role"]) => {
    if (text.trim()) pieces.push({ factId, kind, text: text.trim(), folded: foldText(text), role });
  };
  const summaryId = `${profile.id}:summary`;
  if (profile.headline) add(summaryId, "summary", profile.headline);
  for (const part of (profile.summary ?? "").split(/(?<=[.!?])\s+/)) add(summaryId, "summary", part);
  for (const job of profile.experiences) {
    const role = { company: job.company, title: job.title };
    add(job.id, "experience", `${job.title} at ${job.company}`, role);
    for (const bullet of job.bullets) add(job.id, "experience", bullet, role);
  }
  for (const school of profile.education) {
    add(school.id, "education", [school.degree, school.field, school.school].filter(Boolean).join(", "));
  }
  for (const project of profile.projects) {
    add(project.id, "project", [project.name, project.description].filter(Boolean).join(": "));
  }
  for (const skill of profile.skills) add(skill.id, "skill", skill.raw);
  for (const spoken of profile.languages ?? [])
    add(sectionFactId(profile, "languages"), "languages", languageWithLevel(spoken));
  for (const key of listSections)
    for (const entry of profile[key] ?? []) add(sectionFactId(profile, key), key, entry);
  return pieces;
}

const numberPattern =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred|thousand|million|billion)\b/;

/** The pieces that answer a topic, best first. */
export function topicEvidence(profile: AskProfile, topic: Topic): Evidence[] {
  const pieces = evidenceOf(profile);
  if (topic.kind === "languages") {
    return pieces.filter((piece) => piece.kind !== "experience" && languagesIn(piece.text).length > 0);
  }
  if (topic.kind === "section") {
    // A parsed section answers for itself; résumé text elsewhere only by its evidence words.
    return pieces.filter((piece) => piece.kind === topic.key || topic.evidence.test(piece.folded));
  }
  if (topic.kind === "industry") {
    return pieces.filter((piece) => workKinds.has(piece.kind) && shows(piece, topic.evidence, topic.inName));
  }
  const wanted = new Set(topic.terms);
  const scored = pieces
    .filter((piece) => piece.kind !== "skill" && numberPattern.test(piece.folded))
    .map((piece) => ({ piece, score: contentTerms(piece.text).filter((term) => wanted.has(term)).length }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  return scored.filter((entry) => entry.score === best).map((entry) => entry.piece);
}
