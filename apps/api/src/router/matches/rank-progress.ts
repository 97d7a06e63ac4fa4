import { getMatchRanking, type MatchRanking, matchRankingStatuses } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isTerminalJobStatus } from "@vitae/queue";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";
import { progressOf } from "./ranking";

const progressEvent = z.object({
  rankingId: z.string(),
  postingId: z.string(),
  status: z.enum(matchRankingStatuses),
  progress: z.number(),
  total: z.number(),
  scored: z.number(),
  errorCode: z.string().nullable(),
});

async function current(ctx: Context, workspaceId: string, rankingId: string): Promise<MatchRanking> {
  const ranking = await getMatchRanking(ctx.deps.db, { workspaceId, rankingId });
  if (ranking === undefined) throw new AppError("NOT_FOUND");
  return ranking;
}

const isSettled = (status: MatchRanking["status"]) => status !== "queued" && status !== "running";

/**
 * Streams a ranking's progress (SSE): its state now, its state at every progress step of its
 * `matches.rank-profiles` job (profiles scored of the total), then its final state (`succeeded` — read
 * the pages with `matches.ranking` — or `failed` with a code). Ends at once for a settled ranking.
 */
export const rankProgress = workspaceProcedure({ role: "viewer", scope: "postings:read" })
  .input(z.strictObject({ rankingId: z.uuid() }))
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<z.input<typeof progressEvent>> {
    const workspaceId = ctx.workspace.id;
    const eventOf = (ranking: MatchRanking) => ({
      rankingId: ranking.id,
      postingId: ranking.postingId,
      status: ranking.status,
      progress: progressOf(ranking),
      total: ranking.total,
      scored: ranking.scored,
      errorCode: ranking.errorCode,
    });
    const initial = await current(ctx, workspaceId, input.rankingId);
    yield eventOf(initial);
    if (isSettled(initial.status)) return;
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(initial.id, { signal: stop })) {
      const ranking = await current(ctx, workspaceId, input.rankingId);
      yield eventOf(ranking);
      if (isTerminalJobStatus(snapshot.status) || isSettled(ranking.status)) return;
    }
  });
