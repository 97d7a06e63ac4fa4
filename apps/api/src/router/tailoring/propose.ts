import { randomUUID } from "node:crypto";
import { getJobPosting, getProfileVersion, insertAuditEvent, insertTailoring } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { proposeTailoringJob } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { admitMatchLlm } from "../match-llm";

/**
 * Proposes changes that fit profile `profileId` to posting `postingId`, as a `tailoring.propose-changes`
 * job: deterministic mode reorders and shortens (nothing is ever added); with an LLM configured and the
 * workspace's `llm` tier and token quota admitting it, LLM mode also proposes rephrasings, which the same
 * blocking verifier judges. Otherwise the tailoring is deterministic, labelled `fallback: "llm-limit"` when
 * the limits refused the LLM. The tailoring, its run and its audit row commit together before the job is
 * queued. Read the proposal with `tailoring.byId`, follow it with `tailoring.progress`.
 */
export const propose = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(z.strictObject({ profileId: z.uuid(), postingId: z.uuid() }))
  .output(z.object({ tailoringId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { db, queue } = ctx.deps;
    const workspaceId = ctx.workspace.id;
    const [profileVersion, posting] = await Promise.all([
      getProfileVersion(db, { workspaceId, profileId: input.profileId }),
      getJobPosting(db, { workspaceId, postingId: input.postingId }),
    ]);
    if (profileVersion === undefined || posting === undefined) throw new AppError("NOT_FOUND");
    const admission = await admitMatchLlm(ctx);
    const tailoringId = randomUUID();
    await queue.enqueue(
      proposeTailoringJob,
      { tailoringId },
      {
        jobRunId: tailoringId,
        workspaceId,
        withinTransaction: async (tx) => {
          await insertTailoring(tx, {
            id: tailoringId,
            workspaceId,
            profileId: input.profileId,
            postingId: posting.id,
            requestedBy: ctx.principal.userId,
            mode: admission.mode,
            fallback: admission.fallback,
          });
          await insertAuditEvent(
            tx,
            auditEventOf(ctx, {
              workspaceId,
              action: "tailoring.propose",
              targetType: "profile",
              targetId: input.profileId,
              metadata: { tailoringId, postingId: posting.id, mode: admission.mode },
            }),
          );
        },
      },
    );
    return { tailoringId };
  });
