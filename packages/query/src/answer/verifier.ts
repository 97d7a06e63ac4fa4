import { findTechnologies } from "@vitae/taxonomy";
import { extractEntities } from "../entities";
import type { AskProfile, Fact } from "../types";
import { createWorkBudget, type WorkBudget } from "../work-budget";

export interface VerifiedAnswer {
  text: string;
  citedFactIds: string[];
  kept: number;
  dropped: Array<{ sentence: string; reason: string }>;
}

const citationPattern = /\[([^\]\s]{1,80})\]/g;

/** Splits into sentences, moving a citation that trails the full stop ("… Stripe. [e1]") onto its sentence. */
export function splitSentences(text: string): string[] {
  const parts = text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“([])/);
  const sentences: string[] = [];
  for (const part of parts) {
    const leading = part.match(/^((?:\[[^\]\s]{1,80}\]\s*)+)(.*)$/);
    if (leading && sentences.length > 0) {
      sentences[sentences.length - 1] += ` ${leading[1]?.trim()}`;
      if (leading[2]?.trim()) sentences.push(leading[2].trim());
    } else if (part.trim()) {
      sentences.push(part.trim());
    }
  }
  return sentences;
}

function factSupport(facts: Fact[]): { text: string; technologies: Set<string> } {
  const text = facts
    .map((fact) => `${fact.text} ${fact.start ?? ""} ${fact.end ?? ""}`)
    .join(" \n ")
    .toLowerCase();
  return { text, technologies: new Set(facts.flatMap((fact) => fact.technologies)) };
}

function unsupportedClaim(
  sentence: string,
  cited: Fact[],
  profile: AskProfile,
  budget: WorkBudget,
): string | null {
  const support = factSupport(cited);
  for (const match of sentence.matchAll(/\b\d[\d,.]*%?/g)) {
    const value = match[0].replace(/[.,]+$/, "");
    if (!support.text.includes(value.toLowerCase())) return `number ${value}`;
  }
  for (const mention of findTechnologies(sentence)) {
    if (
      !support.technologies.has(mention.name) &&
      !support.text.includes(mention.name.toLowerCase()) &&
      !support.text.includes(mention.raw.toLowerCase())
    ) {
      return `technology ${mention.name}`;
    }
  }
  for (const noun of properNouns(sentence, profile)) {
    if (!support.text.includes(noun.toLowerCase())) return `name ${noun}`;
  }
  for (const entity of extractEntities(sentence, profile, budget)) {
    if (entity.kind === "title" || entity.score < 0.9) continue;
    if (!cited.some((fact) => entity.factIds.includes(fact.id))) return `${entity.kind} ${entity.name}`;
  }
  return null;
}

/**
 * Capitalised words past the first: names of companies, places or products the profile may not hold
 * ("Google", "Haskell"). Without a named-entity model this is the cheap, conservative reading.
 */
function properNouns(sentence: string, profile: AskProfile): string[] {
  const own = new Set((profile.name ?? "").toLowerCase().split(/\s+/));
  const words = sentence.match(/[\p{L}][\p{L}\p{N}.+#-]*/gu) ?? [];
  return words
    .slice(1)
    .map((word) => word.replace(/[.-]+$/, ""))
    .filter((word) => /^\p{Lu}/u.test(word) && word.length > 1 && !own.has(word.toLowerCase()));
}

function hasClaims(sentence: string, profile: AskProfile, budget: WorkBudget): boolean {
  return (
    /\d/.test(sentence) ||
    properNouns(sentence, profile).length > 0 ||
    findTechnologies(sentence).length > 0 ||
    extractEntities(sentence, profile, budget).some((entity) => entity.kind !== "title")
  );
}

/**
 * Keeps only sentences whose claims (numbers and dates, technologies, companies, schools, projects) are
 * supported by the facts they cite. Citations of facts outside `facts` are removed first, so a model
 * cannot cite its way to an unsupported claim. Sentences with no claims (connectives) are kept.
 */
export function verifyAnswer(
  text: string,
  facts: Fact[],
  profile: AskProfile,
  budget: WorkBudget = createWorkBudget(),
): VerifiedAnswer {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const kept: string[] = [];
  const dropped: VerifiedAnswer["dropped"] = [];
  const citedFactIds: string[] = [];
  for (const raw of splitSentences(text)) {
    const ids = [...raw.matchAll(citationPattern)].map((match) => match[1] ?? "");
    const valid = ids.filter((id) => byId.has(id));
    const cleaned = raw
      .replace(citationPattern, (whole, id: string) => (byId.has(id) ? whole : ""))
      .replace(/\s+([.!?,])/g, "$1")
      .trim();
    const bare = cleaned.replace(citationPattern, "");
    if (!hasClaims(bare, profile, budget)) {
      kept.push(cleaned);
      continue;
    }
    if (valid.length === 0) {
      dropped.push({ sentence: raw, reason: "claims without a valid citation" });
      continue;
    }
    const problem = unsupportedClaim(
      bare,
      valid.map((id) => byId.get(id) as Fact),
      profile,
      budget,
    );
    if (problem) {
      dropped.push({ sentence: raw, reason: `unsupported ${problem}` });
      continue;
    }
    kept.push(cleaned);
    for (const id of valid) if (!citedFactIds.includes(id)) citedFactIds.push(id);
  }
  return { text: kept.join(" "), citedFactIds, kept: citedFactIds.length > 0 ? kept.length : 0, dropped };
}
