import { findTechnologies, type TechnologyCategory, type TechnologyMention } from "@vitae/taxonomy";
import { type Clause, phrasingWeight, segmentPosting } from "./segment";
import type { Requirement, RequirementKind, RequirementWeight } from "./types";
import {
  certificationsOf,
  contentWords,
  degreeLevelOf,
  fieldsOf,
  languagesOf,
  yearsPattern,
} from "./vocabulary";

// Technologies one operates rather than programs with are `tool`s; the rest are `skill`s.
const toolCategories: ReadonlySet<TechnologyCategory> = new Set([
  "tool",
  "devops",
  "cloud",
  "platform",
  "testing",
]);

/** `skill` or `tool` for a taxonomy category. */
export function kindOfCategory(category: TechnologyCategory): "skill" | "tool" {
  return toolCategories.has(category) ? "tool" : "skill";
}

type Draft = Omit<Requirement, "id">;

// Prose postings state duties without a heading: "You will build …", "In this role you'll …".
const duty = /(?<![\p{L}])(?:you will|you'll|you are going to|du wirst|vous allez)(?![\p{L}])/iu;

// A bullet under a requirements heading is a skills list, so contextual spellings ("dbt", "Go", "R")
// count there as they do after "Skills:" (the taxonomy's labelled-line rule).
const skillsLabel = "Skills: ";

function technologiesOfItem(text: string, clause: Clause): TechnologyMention[] {
  const item = `${skillsLabel}${text.slice(clause.start, clause.end)}`;
  return findTechnologies(item).map((mention) => ({
    ...mention,
    start: mention.start - skillsLabel.length + clause.start,
    end: mention.end - skillsLabel.length + clause.start,
  }));
}

function keyOf(draft: Draft): string {
  if (draft.kind === "responsibility" || draft.canonical === null) return `${draft.kind}:${draft.text}`;
  return `${draft.kind}:${draft.canonical.toLowerCase()}`;
}

function clauseWeight(clause: Clause, text: string): RequirementWeight {
  const phrased = phrasingWeight(text);
  if (phrased !== null) return phrased;
  return clause.section === "nice" || clause.section === "duties" ? "nice" : "must";
}

// Mentions are sorted by start; each clause takes the ones inside it in one forward sweep.
function mentionsIn(mentions: readonly TechnologyMention[], cursor: { index: number }, clause: Clause) {
  while ((mentions[cursor.index]?.end ?? Number.POSITIVE_INFINITY) <= clause.start) cursor.index += 1;
  const inside: TechnologyMention[] = [];
  for (let index = cursor.index; index < mentions.length; index += 1) {
    const mention = mentions[index] as TechnologyMention;
    if (mention.start >= clause.end) break;
    if (mention.start >= clause.start && mention.end <= clause.end) inside.push(mention);
  }
  return inside;
}

function draftsOfClause(text: string, clause: Clause, techs: readonly TechnologyMention[]): Draft[] {
  const clauseText = text.slice(clause.start, clause.end);
  const weight = clauseWeight(clause, clauseText);
  const span = { start: clause.start, end: clause.end };
  const drafts: Draft[] = [];
  const typed = (kind: RequirementKind, canonical: string | null, extra: Partial<Draft> = {}) =>
    drafts.push({ kind, weight, text: clauseText, canonical, span, ...extra });

  const years = yearsPattern.exec(clauseText);
  // In a years clause a practice names the role ("4+ years in DevOps or SRE roles"), not a skill.
  const isRole = (mention: TechnologyMention) => years !== null && mention.category === "methodology";
  const hard = techs.filter((mention) => !isRole(mention));
  if (years !== null) typed("years", hard[0]?.name ?? null, { minYears: Number(years[1]) });
  const level = degreeLevelOf(clauseText);
  if (level !== null) typed("degree", level, { fields: fieldsOf(clauseText) });
  for (const language of languagesOf(clauseText)) typed("language", language);
  const certifications = certificationsOf(clauseText);
  for (const certification of certifications) {
    drafts.push({
      kind: "certification",
      weight,
      text: certification.name,
      canonical: certification.name,
      span: { start: clause.start + certification.start, end: clause.start + certification.end },
    });
  }
  // "AWS" inside "AWS Certified Solutions Architect" is part of the certification, not a second requirement.
  const inCertification = (mention: TechnologyMention) =>
    certifications.some(
      (c) => mention.start >= clause.start + c.start && mention.end <= clause.start + c.end,
    );
  for (const mention of hard) {
    if (inCertification(mention)) continue;
    drafts.push({
      kind: kindOfCategory(mention.category),
      weight,
      text: mention.raw,
      canonical: mention.name,
      span: { start: mention.start, end: mention.end },
    });
  }
  if (clause.section === "duties" || (clause.section === "intro" && duty.test(clauseText))) {
    // A duty describes the job rather than gating it: nice unless its own phrasing says otherwise.
    const dutyWeight = phrasingWeight(clauseText) ?? "nice";
    if (contentWords(clauseText).length >= 2) typed("responsibility", null, { weight: dutyWeight });
  } else if (drafts.length === 0 && clause.isItem && contentWords(clauseText).length >= 1) {
    // A requirement bullet with nothing typed in it ("Excellent communication skills") is still a skill.
    typed("skill", null);
  }
  return drafts;
}

/**
 * Requirements of a posting, deterministically: technologies through `@vitae/taxonomy`, years, degrees,
 * languages, certifications, duties (one per clause of a responsibilities section) and untyped
 * requirement bullets. Weights come from the section heading ("Nice to have", "Bonus", "Wünschenswert")
 * and the clause's own phrasing ("a plus", "ideally", "required"). Text under "About us" / "Benefits"
 * holds no requirement.
 *
 * The whole text is read: one segmentation pass, one taxonomy scan, and per-clause regexes with bounded
 * quantifiers, so the work is linear in the posting's length. Duplicates (same kind and canonical) keep
 * the first span and the strongest weight. Ids are `r1…rN` in order of first appearance.
 */
export function extractRequirements(text: string): Requirement[] {
  const mentions = findTechnologies(text);
  const cursor = { index: 0 };
  const byKey = new Map<string, Draft>();
  for (const clause of segmentPosting(text)) {
    const found = mentionsIn(mentions, cursor, clause);
    if (clause.section === "other") continue;
    const isRequirementItem = clause.isItem && (clause.section === "must" || clause.section === "nice");
    const techs = isRequirementItem ? technologiesOfItem(text, clause) : found;
    for (const draft of draftsOfClause(text, clause, techs)) {
      const key = keyOf(draft);
      const existing = byKey.get(key);
      if (existing === undefined) byKey.set(key, draft);
      else if (draft.weight === "must") existing.weight = "must";
    }
  }
  return [...byKey.values()].map((draft, index) => ({ id: `r${index + 1}`, ...draft }));
}
