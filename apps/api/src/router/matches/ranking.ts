import {
  getJobPosting,
  getLatestMatchRanking,
  getMatchRanking,
  listMatchRankingResults,
  type MatchRanking,
  matchRankingStatuses,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { rankingReasonsSchema } from "@vitae/jobs";
import { matchStatuses, type Requirement, requirementKinds, requirementWeights } from "@vitae/matching";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { requirementsOf } from "../postings/schemas";
import { isoDate } from "../schemas";

const requirementRef = {
  requirementId: z.string(),
  kind: z.enum(requirementKinds),
  weight: z.enum(requirementWeights),
  text: z.string(),
};

const rankingOutput = z.object({
  ranking: z
    .object({
      id: z.string(),
      postingId: z.string(),
      status: z.enum(matchRankingStatuses),
      progress: z.number().int().min(0).max(100),
      total: z.number(),
      scored: z.number(),
      scorerVersion: z.string(),
      errorCode: z.string().nullable(),
      createdAt: isoDate,
      finishedAt: isoDate.nullable(),
    })
    .nullable(),
  items: z.array(
    z.object({
      profileId: z.string(),
      name: z.string().nullable(),
      headline: z.string().nullable(),
      score: z.number(),
      reasons: z.array(
        z.object({ ...requirementRef, status: z.enum(matchStatuses), evidence: z.string().nullable() }),
      ),
      missing: z.array(z.object(requirementRef)),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** A ranking's progress in percent: 100 once it succeeded, otherwise the share scored (at most 99). */
export function progressOf(ranking: MatchRanking): number {
  if (ranking.status === "succeeded") return 100;
  if (ranking.total === 0) return 0;
  return Math.min(99, Math.floor((ranking.scored / ranking.total) * 100));
}

/**
 * A ranking's status and progress, and one page (20) of its profiles best first (score, then profile id:
 * a keyset that stays stable while the job writes), each with its name, headline, top reasons and the
 * requirements it misses (musts first) spelled out from the posting. Name a ranking by `rankingId`, or
 * a posting by `postingId` for its newest ranking (`ranking: null` when it was never ranked). Pages are
 * final once `status` is `succeeded`; while `running` they show the profiles scored so far.
 */
export const ranking = workspaceProcedure({ role: "viewer", scope: "postings:read" })
  .input(
    z
      .strictObject({
        postingId: z.uuid().optional(),
        rankingId: z.uuid().optional(),
        cursor: z.string().max(200).optional(),
      })
      .refine((input) => (input.postingId === undefined) !== (input.rankingId === undefined), {
        message: "Name either a posting or a ranking.",
      }),
  )
  .output(rankingOutput)
  .query(async ({ ctx, input }) => {
    const { db } = ctx.deps;
    const workspaceId = ctx.workspace.id;
    const found =
      input.rankingId !== undefined
        ? await getMatchRanking(db, { workspaceId, rankingId: input.rankingId })
        : await getLatestMatchRanking(db, { workspaceId, postingId: input.postingId ?? "" });
    const postingId = found?.postingId ?? input.postingId;
    const posting = postingId === undefined ? undefined : await getJobPosting(db, { workspaceId, postingId });
    if (posting === undefined) throw new AppError("NOT_FOUND");
    if (found === undefined) return { ranking: null, items: [], nextCursor: null };

    const byId = new Map<string, Requirement>(requirementsOf(posting).map((item) => [item.id, item]));
    const refOf = (requirementId: string) => {
      const requirement = byId.get(requirementId);
      return requirement === undefined
        ? []
        : [{ requirementId, kind: requirement.kind, weight: requirement.weight, text: requirement.text }];
    };
    const page = await listMatchRankingResults(db, {
      workspaceId,
      rankingId: found.id,
      cursor: input.cursor,
    });
    return {
      ranking: { ...found, progress: progressOf(found) },
      items: page.items.map((item) => {
        const parsed = rankingReasonsSchema.safeParse(item.reasons);
        if (!parsed.success) throw new AppError("INTERNAL", { message: "A stored ranking is damaged." });
        return {
          profileId: item.profileId,
          name: item.name,
          headline: item.headline,
          score: item.score,
          reasons: parsed.data.top.flatMap((reason) =>
            refOf(reason.requirementId).map((ref) => ({
              ...ref,
              status: reason.status,
              evidence: reason.evidence,
            })),
          ),
          missing: parsed.data.missing.flatMap(refOf),
        };
      }),
      nextCursor: page.nextCursor,
    };
  });
