import type { MatchLlmFallback, MatchMode } from "@vitae/contracts";
import { incrementWorkspaceUsage, usagePeriodOf } from "@vitae/db";
import { matchingLlmFor } from "@vitae/jobs";
import {
  extractRequirements,
  extractRequirementsWithLlm,
  prompts,
  type Requirement,
  scorerVersion,
} from "@vitae/matching";
import type { Context } from "../../trpc/context";
import type { WorkspaceAccess } from "../../trpc/procedures";
import { admitMatchLlm } from "../match-llm";

/** A posting's requirements and how they were extracted, as stored with it. */
export interface PostingExtraction {
  requirements: Requirement[];
  extractorVersion: string;
  extractionMode: MatchMode;
  extractionFallback: MatchLlmFallback | null;
  /** LLM requirements dropped because their cited span did not support them. */
  dropped: number;
}

/** The extraction of the deterministic rules plus the LLM prompt, so LLM postings can be told apart. */
const llmExtractorVersion = `${scorerVersion}+${prompts.extract.promptId}@${prompts.extract.promptVersion}`;

/**
 * Extracts a posting's requirements: deterministically, plus — when the LLM is configured and the
 * workspace's `llm` tier and token quota admit it — the LLM's requirements that cite a span of the posting
 * supporting them (`@vitae/matching` drops the rest). An LLM failure keeps the deterministic requirements,
 * labelled `llm-error`; the tokens spent count against the month's quota either way.
 */
export async function extractPosting(
  ctx: Context & { workspace: WorkspaceAccess },
  text: string,
): Promise<PostingExtraction> {
  const admission = await admitMatchLlm(ctx);
  if (admission.mode === "deterministic") {
    return {
      requirements: extractRequirements(text),
      extractorVersion: scorerVersion,
      extractionMode: "deterministic",
      extractionFallback: admission.fallback,
      dropped: 0,
    };
  }
  const workspaceId = ctx.workspace.id;
  const { llm, record } = matchingLlmFor(admission.llm, { workspaceId, signal: ctx.getSignal() });
  const extracted = await extractRequirementsWithLlm(text, llm);
  if (record.tokens > 0) {
    await incrementWorkspaceUsage(ctx.deps.db, {
      workspaceId,
      period: usagePeriodOf(new Date()),
      llmTokens: record.tokens,
    });
  }
  if (extracted.fallback !== undefined) {
    ctx.deps.logger.warn({ err: record.failed, fallback: extracted.fallback }, "LLM extraction fell back");
    return {
      requirements: extracted.requirements,
      extractorVersion: scorerVersion,
      extractionMode: "deterministic",
      extractionFallback: "llm-error",
      dropped: 0,
    };
  }
  return {
    requirements: extracted.requirements,
    extractorVersion: llmExtractorVersion,
    extractionMode: "llm",
    extractionFallback: null,
    dropped: extracted.dropped,
  };
}
