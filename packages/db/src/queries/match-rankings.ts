import { AppError } from "@vitae/errors";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type MatchRankingStatus, matchRankingResults, matchRankings, profiles } from "../schema";
import { isUuid } from "./ids";
import { pageLimit } from "./keyset-cursor";

/** A ranking as stored (its results are paged by {@link listMatchRankingResults}). */
export interface MatchRanking {
  id: string;
  postingId: string;
  /** Null: every profile of the workspace. */
  profileIds: string[] | null;
  status: MatchRankingStatus;
  total: number;
  scored: number;
  scorerVersion: string;
  errorCode: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** One ranked profile. `reasons` is stored JSON: callers validate it before trusting its shape. */
export interface MatchRankingEntry {
  profileId: string;
  score: number;
  reasons: unknown;
  name: string | null;
  headline: string | null;
}

const rankingColumns = {
  id: matchRankings.id,
  postingId: matchRankings.postingId,
  profileIds: matchRankings.profileIds,
  status: matchRankings.status,
  total: matchRankings.total,
  scored: matchRankings.scored,
  scorerVersion: matchRankings.scorerVersion,
  errorCode: matchRankings.errorCode,
  createdAt: matchRankings.createdAt,
  finishedAt: matchRankings.finishedAt,
};

const scoped = (params: { workspaceId: string; rankingId: string }) =>
  and(eq(matchRankings.id, params.rankingId), eq(matchRankings.workspaceId, params.workspaceId));

/** Default and maximum page sizes of {@link listMatchRankingResults}. */
export const matchRankingPageSize = { default: 20, max: 100 } as const;

/**
 * Records a ranking (status `queued`). `id` is the id of the job run that computes it. Takes a
 * transaction, so the ranking, its run and its audit row commit together.
 */
export async function insertMatchRanking(
  db: Database,
  params: {
    id: string;
    workspaceId: string;
    postingId: string;
    requestedBy: string | null;
    profileIds: string[] | null;
    scorerVersion: string;
  },
): Promise<MatchRanking> {
  const [row] = await db.insert(matchRankings).values(params).returning(rankingColumns);
  if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
  return row;
}

/** Ranking `rankingId` of `workspaceId`; `undefined` when missing, malformed or another workspace's. */
export async function getMatchRanking(
  db: Database,
  params: { workspaceId: string; rankingId: string },
): Promise<MatchRanking | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.rankingId)) return undefined;
  const [row] = await db.select(rankingColumns).from(matchRankings).where(scoped(params)).limit(1);
  return row;
}

/** The newest ranking of posting `postingId` in `workspaceId`, or `undefined`. */
export async function getLatestMatchRanking(
  db: Database,
  params: { workspaceId: string; postingId: string },
): Promise<MatchRanking | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.postingId)) return undefined;
  const [row] = await db
    .select(rankingColumns)
    .from(matchRankings)
    .where(
      and(eq(matchRankings.workspaceId, params.workspaceId), eq(matchRankings.postingId, params.postingId)),
    )
    .orderBy(desc(matchRankings.createdAt), desc(matchRankings.id))
    .limit(1);
  return row;
}

/** How many of `workspaceId`'s profiles a ranking over `profileIds` (all when null) covers. */
export async function countRankableProfiles(
  db: Database,
  params: { workspaceId: string; profileIds: readonly string[] | null },
): Promise<number> {
  const conditions: SQL[] = [eq(profiles.workspaceId, params.workspaceId)];
  // Like `listProfileViews`: the chosen profiles, or every parsed one (tailored versions are no new people).
  conditions.push(
    params.profileIds === null
      ? eq(profiles.source, "parsed")
      : inArray(profiles.id, params.profileIds.filter(isUuid)),
  );
  if (params.profileIds !== null && params.profileIds.length === 0) return 0;
  const [row] = await db
    .select({ value: count() })
    .from(profiles)
    .where(and(...conditions));
  return row?.value ?? 0;
}

/**
 * Starts (or restarts, on a retried attempt) a ranking: clears any partial results and marks it
 * `running` with `total` profiles to score. Returns false — and changes nothing — when the ranking is
 * gone or already finished, so a redelivered job does no work twice.
 */
export async function startMatchRanking(
  db: Database,
  params: { workspaceId: string; rankingId: string; total: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(matchRankings)
      .set({ status: "running", total: params.total, scored: 0, errorCode: null })
      .where(and(scoped(params), inArray(matchRankings.status, ["queued", "running"])))
      .returning({ id: matchRankings.id });
    if (row === undefined) return false;
    await tx.delete(matchRankingResults).where(eq(matchRankingResults.rankingId, params.rankingId));
    return true;
  });
}

/** Stores one batch of scored profiles and advances the ranking's `scored` count in one transaction. */
export async function insertMatchRankingResults(
  db: Database,
  params: {
    workspaceId: string;
    rankingId: string;
    results: readonly { profileId: string; score: number; reasons: unknown }[];
  },
): Promise<void> {
  if (params.results.length === 0) return;
  // The batch travels as one JSON parameter unpacked by Postgres: building a multi-row VALUES statement of
  // a thousand rows costs more client CPU than scoring them.
  const batch = JSON.stringify(
    params.results.map((result) => ({ p: result.profileId, s: result.score, r: result.reasons })),
  );
  // One statement (so atomic without a transaction's extra round trips): the rows, and the count they add.
  await db.execute(sql`
    with inserted as (
      insert into ${matchRankingResults} (ranking_id, workspace_id, profile_id, score, reasons)
      select ${params.rankingId}, ${params.workspaceId}, x.p, x.s, x.r
      from json_to_recordset(${batch}::json) as x(p uuid, s integer, r jsonb)
      returning 1)
    update ${matchRankings} set scored = scored + (select count(*) from inserted)
    where ${scoped(params)}`);
}

/**
 * Ends a running ranking as `succeeded`, or `failed` with a client-safe `errorCode`. A ranking that
 * already finished is left alone (the reconciler and the processor may both report one failure).
 */
export async function finishMatchRanking(
  db: Database,
  params: { workspaceId: string; rankingId: string; status: "succeeded" | "failed"; errorCode?: string },
): Promise<void> {
  if (!isUuid(params.workspaceId) || !isUuid(params.rankingId)) return;
  await db
    .update(matchRankings)
    .set({ status: params.status, errorCode: params.errorCode ?? null, finishedAt: sql`now()` })
    .where(and(scoped(params), inArray(matchRankings.status, ["queued", "running"])));
}

function encodeRankCursor(entry: { score: number; profileId: string }): string {
  return Buffer.from(`${entry.score}:${entry.profileId}`, "utf8").toString("base64url");
}

function decodeRankCursor(cursor: string): { score: number; profileId: string } {
  const match = /^(\d{1,3}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (match === null || match[1] === undefined || match[2] === undefined || !isUuid(match[2])) {
    throw new AppError("BAD_REQUEST", { message: "The page cursor is not valid." });
  }
  return { score: Number(match[1]), profileId: match[2] };
}

/**
 * One page of ranking `rankingId`'s results, best first: keyset-paginated on `(score desc, profile_id)`
 * (served by `match_ranking_results_page_idx`), with each profile's current name and headline. Throws
 * `AppError("BAD_REQUEST")` for a malformed cursor or a limit outside 1–100.
 */
export async function listMatchRankingResults(
  db: Database,
  params: { workspaceId: string; rankingId: string; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: MatchRankingEntry[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, matchRankingPageSize.default, matchRankingPageSize.max);
  const cursor = params.cursor === undefined ? undefined : decodeRankCursor(params.cursor);
  if (!isUuid(params.workspaceId) || !isUuid(params.rankingId)) return { items: [], nextCursor: null };
  const conditions: SQL[] = [
    eq(matchRankingResults.rankingId, params.rankingId),
    eq(matchRankingResults.workspaceId, params.workspaceId),
  ];
  if (cursor !== undefined) {
    conditions.push(
      sql`(${matchRankingResults.score} < ${cursor.score} or (${matchRankingResults.score} = ${cursor.score} and ${matchRankingResults.profileId} > ${cursor.profileId}::uuid))`,
    );
  }
  const rows = await db
    .select({
      profileId: matchRankingResults.profileId,
      score: matchRankingResults.score,
      reasons: matchRankingResults.reasons,
      name: profiles.name,
      headline: profiles.headline,
    })
    .from(matchRankingResults)
    .innerJoin(profiles, eq(profiles.id, matchRankingResults.profileId))
    .where(and(...conditions))
    .orderBy(desc(matchRankingResults.score), asc(matchRankingResults.profileId))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeRankCursor(last) : null };
}
