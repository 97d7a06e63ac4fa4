import { findTechnologies, normalizeTechnology } from "@vitae/taxonomy";
import { z } from "zod";
import { type Change, resolvePath, valueAt } from "./changes";
import { extractRequirements, kindOfCategory } from "./extract";
import { type MatchProfile, type Requirement, requirementKinds, requirementWeights } from "./types";
import {
  certificationsOf,
  contentWords,
  degreeLevelOf,
  fieldsOf,
  languagesOf,
  yearsPattern,
} from "./vocabulary";

/**
 * The injected LLM: receives a prompt identity and a JSON-serialisable input and resolves to parsed
 * JSON. Its output is `unknown` here until zod validates it; the caller owns transport, quota and cache
 * (keyed by `promptId@promptVersion` + input hash).
 */
export type MatchingLlm = (request: {
  promptId: string;
  promptVersion: number;
  input: unknown;
}) => Promise<unknown>;

/**
 * Prompt identities and instructions, bumped when the expected output changes. The caller turns them into
 * its LLM client's prompt (`definePrompt({ id, version, system, … })`) and sends `input` as JSON.
 */
export const prompts = {
  extract: {
    promptId: "matching.extract-requirements",
    promptVersion: 1,
    system:
      'List the requirements of the job posting in input.posting as JSON {"requirements": [{"kind", "weight", "text", "span": {"start", "end"}}]}. kind is one of skill, tool, certification, years, degree, language, responsibility; weight is must or nice. span is the [start, end) UTF-16 offset range of the posting text that states the requirement, at most 400 characters. Requirements without such a span are discarded.',
  },
  rephrase: {
    promptId: "matching.rephrase",
    promptVersion: 1,
    system:
      'Suggest rephrasings of the profile in input.profile that put the requirements in input.requirements forward, as JSON {"changes": [{"path", "value", "reason", "requirementIds"}]}. path is experiences/<id>/bullets/<index>, summary, headline or projects/<id>/description. Never add a skill, employer, title, date or number the profile does not contain: such changes are rejected.',
  },
} as const;

const llmRequirementsSchema = z.object({
  requirements: z
    .array(
      z.object({
        kind: z.enum(requirementKinds),
        weight: z.enum(requirementWeights),
        text: z.string().min(1).max(500),
        span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }),
      }),
    )
    .max(300),
});
type LlmRequirement = z.infer<typeof llmRequirementsSchema>["requirements"][number];

// A span longer than a paragraph could "support" anything, so it grounds nothing.
const maxSpanLength = 400;

/** The requirement a cited span actually supports, or null: the LLM's claim must be in its span. */
function grounded(posting: string, claim: LlmRequirement): Omit<Requirement, "id"> | null {
  const { start, end } = claim.span;
  if (end <= start || end > posting.length || end - start > maxSpanLength) return null;
  const quote = posting.slice(start, end);
  const base = { kind: claim.kind, weight: claim.weight, text: quote, span: { start, end } };
  switch (claim.kind) {
    case "skill":
    case "tool": {
      const named = normalizeTechnology(claim.text)?.name;
      const mention = findTechnologies(quote).find((item) => named === undefined || item.name === named);
      if (mention !== undefined)
        return { ...base, kind: kindOfCategory(mention.category), canonical: mention.name };
      const words = contentWords(claim.text);
      const inQuote = new Set(contentWords(quote));
      return named === undefined && words.length > 0 && words.every((word) => inQuote.has(word))
        ? { ...base, canonical: null }
        : null;
    }
    case "years": {
      const match = yearsPattern.exec(quote);
      return match === null
        ? null
        : { ...base, canonical: findTechnologies(quote)[0]?.name ?? null, minYears: Number(match[1]) };
    }
    case "degree": {
      const level = degreeLevelOf(quote);
      return level === null ? null : { ...base, canonical: level, fields: fieldsOf(quote) };
    }
    case "language": {
      const language = languagesOf(quote)[0];
      return language === undefined ? null : { ...base, canonical: language };
    }
    case "certification": {
      const certification = certificationsOf(quote)[0];
      return certification === undefined ? null : { ...base, canonical: certification.name };
    }
    case "responsibility": {
      const words = contentWords(claim.text);
      const inQuote = new Set(contentWords(quote));
      const supported = words.filter((word) => inQuote.has(word)).length;
      return words.length > 0 && supported / words.length >= 0.5 ? { ...base, canonical: null } : null;
    }
  }
}

/** Why LLM extraction fell back to the deterministic requirements. */
export type ExtractionFallback = "llm-error" | "llm-bad-output";

/**
 * Requirements with an LLM, grounded: each LLM requirement must cite a `[start, end)` span of the
 * posting whose text supports it (the technology, the years, the degree, the language… is in that
 * span); the rest is dropped and counted. The deterministic requirements are always kept, the grounded
 * LLM ones are added when they say something new. A failing or malformed LLM answer falls back to the
 * deterministic requirements and says so.
 */
export async function extractRequirementsWithLlm(
  posting: string,
  llm: MatchingLlm,
): Promise<{ requirements: Requirement[]; dropped: number; fallback?: ExtractionFallback }> {
  const deterministic = extractRequirements(posting);
  let raw: unknown;
  try {
    raw = await llm({
      promptId: prompts.extract.promptId,
      promptVersion: prompts.extract.promptVersion,
      input: { posting },
    });
  } catch {
    return { requirements: deterministic, dropped: 0, fallback: "llm-error" };
  }
  const parsed = llmRequirementsSchema.safeParse(raw);
  if (!parsed.success) return { requirements: deterministic, dropped: 0, fallback: "llm-bad-output" };
  const seen = new Set(
    deterministic.map((item) => `${item.kind}:${item.canonical ?? item.text}`.toLowerCase()),
  );
  const added: Array<Omit<Requirement, "id">> = [];
  let dropped = 0;
  for (const claim of parsed.data.requirements) {
    const requirement = grounded(posting, claim);
    if (requirement === null) {
      dropped += 1;
      continue;
    }
    const key = `${requirement.kind}:${requirement.canonical ?? requirement.text}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(requirement);
  }
  const requirements = [
    ...deterministic,
    ...added.map((item, index) => ({ id: `r${deterministic.length + index + 1}`, ...item })),
  ];
  return { requirements, dropped };
}

const llmRephraseSchema = z.object({
  changes: z
    .array(
      z.object({
        path: z.string().max(300),
        value: z.string().max(4000),
        reason: z.string().max(1000),
        requirementIds: z.array(z.string().max(100)).max(50),
      }),
    )
    .max(100),
});

/**
 * LLM rephrasings as `replace` changes (`l1…lN`). The LLM names a path and a new text only; `original`
 * is read from the profile here, so a change can never misquote the source. Paths that name nothing,
 * a failing LLM and malformed output yield no change. These are proposals: run `verifyChanges` on them.
 */
export async function proposeRephrasings(
  profile: MatchProfile,
  requirements: readonly Requirement[],
  llm: MatchingLlm,
): Promise<Change[]> {
  let raw: unknown;
  try {
    const { promptId, promptVersion } = prompts.rephrase;
    raw = await llm({ promptId, promptVersion, input: { profile, requirements } });
  } catch {
    return [];
  }
  const parsed = llmRephraseSchema.safeParse(raw);
  if (!parsed.success) return [];
  const known = new Set(requirements.map((requirement) => requirement.id));
  const changes: Change[] = [];
  for (const proposal of parsed.data.changes) {
    const target = resolvePath(profile, proposal.path);
    if (target === null) continue;
    const original = valueAt(profile, target);
    if (typeof original !== "string") continue;
    changes.push({
      id: `l${changes.length + 1}`,
      path: proposal.path,
      action: "replace",
      original,
      value: proposal.value,
      reason: proposal.reason,
      requirementIds: proposal.requirementIds.filter((id) => known.has(id)),
    });
  }
  return changes;
}

/**
 * The JSON each prompt asks for, for the caller's structured-output call (its schema goes to the
 * provider). Matching validates the answer again whatever the caller did with it.
 */
export const promptOutputs = { extract: llmRequirementsSchema, rephrase: llmRephraseSchema } as const;
