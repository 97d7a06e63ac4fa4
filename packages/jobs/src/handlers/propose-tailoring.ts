import type { MatchLlmFallback } from "@vitae/contracts";
import {
  completeTailoring,
  getJobPosting,
  getProfileView,
  getTailoring,
  incrementWorkspaceUsage,
  listAttestations,
  startTailoring,
  type TailoringMode,
  usagePeriodOf,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { LlmClient } from "@vitae/llm";
import {
  applyChanges,
  type Change,
  type MatchProfile,
  proposeChanges,
  proposeRephrasings,
  type Requirement,
  requirementSchema,
} from "@vitae/matching";
import { z } from "zod";
import type { JobContext, JobHandler } from "../handler-types";
import { profileBaseHash } from "../matching/base-hash";
import { matchProfileOf } from "../matching/match-profile";
import { matchingLlmFor } from "../matching/matching-llm";

type Context = JobContext<"tailoring.propose-changes">;

/**
 * The LLM's rephrasings (`replace` changes, still unverified) for an LLM-mode tailoring, or the reason
 * there are none: no provider in this process, or a failed call. The tokens spent are added to the
 * month's quota before the proposal is stored, so a retry (served from the LLM cache, 0 tokens) never
 * counts them twice.
 */
async function rephrasingsOf(
  context: Context,
  workspaceId: string,
  profile: MatchProfile,
  requirements: readonly Requirement[],
): Promise<{ changes: Change[]; fallback: MatchLlmFallback | null }> {
  let client: LlmClient;
  try {
    client = await context.services.llmFor(workspaceId);
  } catch (error) {
    context.logger.warn({ err: error }, "workspace LLM unusable; proposing deterministic changes");
    return { changes: [], fallback: "llm-error" };
  }
  if (!client.available) return { changes: [], fallback: "llm-error" };
  const { llm, record } = matchingLlmFor(client, { workspaceId, signal: context.signal });
  const changes = await proposeRephrasings(profile, requirements, llm);
  if (record.tokens > 0) {
    await incrementWorkspaceUsage(context.db, {
      workspaceId,
      period: usagePeriodOf(new Date()),
      llmTokens: record.tokens,
    });
  }
  if (record.failed !== undefined) {
    context.logger.warn({ err: record.failed }, "LLM tailoring failed; proposing deterministic changes");
    return { changes: [], fallback: "llm-error" };
  }
  return { changes, fallback: null };
}

/**
 * `tailoring.propose-changes`: reads the profile (with its attested skills) and the posting, proposes
 * reorder/shorten changes — and in LLM mode the LLM's rephrasings too — lets the blocking verifier judge
 * every one, and stores the accepted changes with each one's score delta, the rejected ones with their
 * reasons, the scores before and after all accepted changes, and the base hash a confirmation must still
 * match. An LLM tailoring whose LLM fails is stored in deterministic mode with `fallback: "llm-error"`.
 * Idempotent: a finished tailoring is left alone and a retry recomputes the same proposal.
 */
export const proposeTailoring: JobHandler<"tailoring.propose-changes"> = async (context) => {
  const { db, payload, reportProgress } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "A tailoring run needs a workspace." });
  const ref = { workspaceId, tailoringId: payload.tailoringId };
  const tailoring = await getTailoring(db, ref);
  if (tailoring === undefined || !(await startTailoring(db, ref))) {
    return { tailoringId: payload.tailoringId, skipped: true, changes: 0, mode: null };
  }
  const [posting, view, attested] = await Promise.all([
    getJobPosting(db, { workspaceId, postingId: tailoring.postingId }),
    getProfileView(db, { workspaceId, profileId: tailoring.profileId }),
    listAttestations(db, { workspaceId, profileIds: [tailoring.profileId] }),
  ]);
  if (posting === undefined || view === undefined) {
    throw new AppError("NOT_FOUND", { message: "The profile or the posting no longer exists." });
  }
  const parsed = z.array(requirementSchema).safeParse(posting.requirements);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { message: "The posting's requirements are not readable." });
  }
  const profile = matchProfileOf(view, attested.get(view.id));
  let mode: TailoringMode = tailoring.mode;
  let fallback = tailoring.fallback;
  let rephrasings: Change[] = [];
  if (mode === "llm") {
    await reportProgress(20, "Asking the LLM for rephrasings");
    const proposed = await rephrasingsOf(context, workspaceId, profile, parsed.data);
    rephrasings = proposed.changes;
    if (proposed.fallback !== null) {
      mode = "deterministic";
      fallback = proposed.fallback;
    }
  }
  await reportProgress(60, "Verifying changes");
  const applied = applyChanges(profile, [...proposeChanges(profile, parsed.data), ...rephrasings], {
    requirements: parsed.data,
    today: new Date(),
  });
  await completeTailoring(db, {
    ...ref,
    mode,
    fallback,
    baseHash: profileBaseHash(profile),
    changes: applied.changes,
    rejected: applied.rejected,
    sectionOrder: applied.sectionOrder,
    scoreBefore: applied.scoreBefore,
    scoreAfter: applied.scoreAfter,
  });
  await reportProgress(100, "Changes ready");
  return { tailoringId: tailoring.id, skipped: false, changes: applied.changes.length, mode };
};
