import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  countRankableProfiles,
  finishMatchRanking,
  getJobPosting,
  getMatchRanking,
  insertMatchRankingResults,
  listRankableProfiles,
  type RankableProfile,
  startMatchRanking,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import {
  type MatchFeatures,
  matchFeaturesVersion,
  parseMatchFeatures,
  requirementSchema,
  scoreMatchFeatures,
} from "@vitae/matching";
import { z } from "zod";
import type { JobHandler } from "../handler-types";
import { computeMatchFeatures, matchSliceSize, storeMatchFeatures } from "../matching/match-features";
import { attestationsOf } from "../matching/match-profile";
import { rankingReasonsOf } from "../matching/ranking-reasons";

/** Profiles read, scored and stored per round trip: bounds memory whatever the workspace's size. */
export const rankPageSize = 1000;

/**
 * `matches.rank-profiles`: scores the ranking's profiles (the whole workspace, or the chosen ones) against
 * its posting page by page and stores each score with its top reasons, reporting progress per page.
 * Scores are computed from each profile version's stored match features; a profile whose features are
 * missing or stale (a newer version, another features version) is analysed from its facts and its
 * features stored on the way, so the next ranking reads them.
 * Idempotent: a retried attempt clears the partial results and starts over; a finished or deleted
 * ranking (its posting was deleted) is left alone. A posting whose stored requirements no longer parse
 * is a permanent failure.
 */
export const rankProfiles: JobHandler<"matches.rank-profiles"> = async (context) => {
  const { db, payload, reportProgress } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "A ranking run needs a workspace." });
  const ref = { workspaceId, rankingId: payload.rankingId };
  const ranking = await getMatchRanking(db, ref);
  if (ranking === undefined || (ranking.status !== "queued" && ranking.status !== "running")) {
    return { rankingId: payload.rankingId, scored: 0, skipped: true };
  }
  const posting = await getJobPosting(db, { workspaceId, postingId: ranking.postingId });
  if (posting === undefined) throw new AppError("NOT_FOUND", { message: "The posting no longer exists." });
  const parsed = z.array(requirementSchema).safeParse(posting.requirements);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { message: "The posting's requirements are not readable." });
  }
  const requirements = parsed.data;
  const total = await countRankableProfiles(db, { workspaceId, profileIds: ranking.profileIds });
  if (!(await startMatchRanking(db, { ...ref, total })))
    return { rankingId: ranking.id, scored: 0, skipped: true };
  await reportProgress(0, `Ranking ${total} profiles`);

  // One "today" for the whole ranking: every profile's years are counted to the same day.
  const today = new Date();
  const readPage = (afterId: string | undefined) => {
    const read = listRankableProfiles(db, {
      workspaceId,
      profileIds: ranking.profileIds,
      afterId,
      limit: rankPageSize,
      featuresVersion: matchFeaturesVersion,
    });
    // Awaited later: marked handled now so a failure while another step is awaited is not "unhandled".
    read.catch(() => undefined);
    return read;
  };
  // Postgres and this process work side by side: the next page is read and the previous page's results
  // are written while this page is scored.
  let scored = 0;
  let pending: Promise<RankableProfile[]> | null = readPage(undefined);
  let writing: Promise<void> = Promise.resolve();
  while (pending !== null) {
    const page: RankableProfile[] = await pending;
    pending = page.length === rankPageSize ? readPage(page.at(-1)?.id) : null;
    const computed = await computeMatchFeatures(db, {
      workspaceId,
      profiles: page.filter((profile) => profile.features === null),
    });
    const results: { profileId: string; score: number; reasons: unknown }[] = [];
    const score = (profile: RankableProfile, features: MatchFeatures) => {
      const attestations = attestationsOf(profile.attestations);
      const result = scoreMatchFeatures({ id: profile.id, features, attestations }, requirements, { today });
      results.push({ profileId: profile.id, score: result.score, reasons: rankingReasonsOf(result) });
    };
    const unreadable: RankableProfile[] = [];
    for (const [index, profile] of page.entries()) {
      if (index > 0 && index % matchSliceSize === 0) await yieldToEventLoop();
      // Parsed one profile at a time, right before scoring: parsed features die young, where a whole
      // page of them would outlive several collections and be copied by each.
      const features =
        profile.features === null ? computed.get(profile.id)?.features : parseMatchFeatures(profile.features);
      if (features !== undefined) score(profile, features);
      else if (profile.features !== null) unreadable.push(profile);
      // Otherwise the profile was deleted since the page was read: it is no longer ranked.
    }
    // Stored text that is not this build's features is recomputed, like missing features.
    const recomputed = await computeMatchFeatures(db, { workspaceId, profiles: unreadable });
    for (const profile of unreadable) {
      const row = recomputed.get(profile.id);
      if (row === undefined) continue;
      computed.set(profile.id, row);
      score(profile, row.features);
    }
    await writing;
    scored += results.length;
    // Profiles added while the job runs may push `scored` past the count taken at the start.
    const percent = Math.min(99, Math.floor((scored / Math.max(total, 1)) * 100));
    const message = `Scored ${scored}`;
    writing = Promise.all([
      insertMatchRankingResults(db, { ...ref, results }),
      storeMatchFeatures(db, { workspaceId, rows: [...computed.values()] }),
    ]).then(() => reportProgress(percent, message));
    writing.catch(() => undefined);
  }
  await writing;
  await finishMatchRanking(db, { ...ref, status: "succeeded" });
  await reportProgress(100, `Ranked ${scored} profiles`);
  return { rankingId: ranking.id, scored, skipped: false };
};
