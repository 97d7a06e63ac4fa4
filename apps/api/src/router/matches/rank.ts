import { randomUUID } from "node:crypto";
import { countRankableProfiles, getJobPosting, insertAuditEvent, insertMatchRanking } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { scorerVersion } from "@vitae/matching";
import { rankProfilesJob } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";

/** The most profiles one ranking may name; a whole workspace is ranked by omitting `profileIds`. */
export const rankProfileIdsMax = 1000;

/**
 * Ranks every profile of the workspace — or only `profileIds`, each of which must be the workspace's —
 * against posting `postingId`, as a `matches.rank-profiles` job. The ranking, its run and its audit row
 * commit together before the job reaches the queue (a Redis outage leaves it `queued` for the
 * reconciler). Read the result and its progress with `matches.ranking`.
 */
export const rank = workspaceProcedure({ role: "member", scope: "postings:write" })
  .input(
    z.strictObject({
      postingId: z.uuid(),
      profileIds: z.array(z.uuid()).min(1).max(rankProfileIdsMax).optional(),
    }),
  )
  .output(z.object({ rankingId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { db, queue } = ctx.deps;
    const workspaceId = ctx.workspace.id;
    const posting = await getJobPosting(db, { workspaceId, postingId: input.postingId });
    if (posting === undefined) throw new AppError("NOT_FOUND");
    const profileIds = input.profileIds === undefined ? null : [...new Set(input.profileIds)];
    // Another workspace's profile is as unknown as a missing one: the ranking would silently skip it.
    if (
      profileIds !== null &&
      (await countRankableProfiles(db, { workspaceId, profileIds })) !== profileIds.length
    ) {
      throw new AppError("NOT_FOUND", { message: "Some of these profiles do not exist." });
    }
    const rankingId = randomUUID();
    await queue.enqueue(
      rankProfilesJob,
      { rankingId },
      {
        jobRunId: rankingId,
        workspaceId,
        withinTransaction: async (tx) => {
          await insertMatchRanking(tx, {
            id: rankingId,
            workspaceId,
            postingId: posting.id,
            requestedBy: ctx.principal.userId,
            profileIds,
            scorerVersion,
          });
          await insertAuditEvent(
            tx,
            auditEventOf(ctx, {
              workspaceId,
              action: "matches.rank",
              targetType: "posting",
              targetId: posting.id,
              metadata: { rankingId, profiles: profileIds === null ? "all" : profileIds.length },
            }),
          );
        },
      },
    );
    return { rankingId };
  });
