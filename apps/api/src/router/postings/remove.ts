import { deleteJobPosting, insertAuditEvent } from "@vitae/db";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { postingIdInput } from "./schemas";

/**
 * Deletes a posting; its cached scores die with their TTL (a deleted posting is never scored again:
 * `matches.score` reads the posting before the cache). The deletion and its audit row commit together.
 */
export const remove = workspaceProcedure({ role: "member", scope: "postings:write" })
  .input(postingIdInput)
  .output(z.object({ postingId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    await ctx.deps.db.transaction(async (tx) => {
      // NOT_FOUND (also for another workspace's id) is thrown by the query and rolls back the audit row.
      const deleted = await deleteJobPosting(tx, { workspaceId, postingId: input.postingId });
      await insertAuditEvent(
        tx,
        auditEventOf(ctx, {
          workspaceId,
          action: "postings.delete",
          targetType: "posting",
          targetId: deleted.id,
          metadata: { title: deleted.title, company: deleted.company },
        }),
      );
    });
    return { postingId: input.postingId };
  });
