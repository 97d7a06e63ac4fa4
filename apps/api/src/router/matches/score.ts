import { getJobPosting, getProfileVersion, getProfileView, listAttestations } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { matchProfileOf } from "@vitae/jobs";
import {
  matchStatuses,
  requirementKinds,
  requirementWeights,
  type ScoreResult,
  scoreProfile,
  scorerVersion,
} from "@vitae/matching";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { requirementsOf } from "../postings/schemas";
import type { MatchScoreKey } from "./score-cache";

const weightBreakdown = z.object({
  points: z.number(),
  earned: z.number(),
  met: z.number(),
  partial: z.number(),
  missing: z.number(),
});

const scoreOutput = z.object({
  score: z.number(),
  scorerVersion: z.string(),
  breakdown: z.object({ must: weightBreakdown, nice: weightBreakdown }),
  requirements: z.array(
    z.object({
      requirementId: z.string(),
      status: z.enum(matchStatuses),
      evidence: z.array(z.object({ factId: z.string(), text: z.string() })),
      points: z.number(),
      earned: z.number(),
    }),
  ),
  missing: z.array(
    z.object({
      requirementId: z.string(),
      kind: z.enum(requirementKinds),
      weight: z.enum(requirementWeights),
      text: z.string(),
    }),
  ),
});

/**
 * How profile `profileId` fits posting `postingId`, requirement by requirement: status, the profile
 * facts that support it (ids Ask and `profiles.byId` use) and the points earned; `missing` lists the
 * unmet requirements, musts first. Deterministic; cached in Redis per profile version, posting,
 * extraction, scorer version and day, so a correction (`profiles.update`) or a re-parse is seen at once.
 * Another workspace's profile or posting is NOT_FOUND.
 */
export const score = workspaceProcedure({ role: "viewer", scope: "postings:read" })
  .input(z.strictObject({ profileId: z.uuid(), postingId: z.uuid() }))
  .output(scoreOutput)
  .query(async ({ ctx, input }) => {
    const { db, matchScores } = ctx.deps;
    const workspaceId = ctx.workspace.id;
    const [profileVersion, posting] = await Promise.all([
      getProfileVersion(db, { workspaceId, profileId: input.profileId }),
      getJobPosting(db, { workspaceId, postingId: input.postingId }),
    ]);
    if (profileVersion === undefined || posting === undefined) throw new AppError("NOT_FOUND");
    const requirements = requirementsOf(posting);
    const today = new Date();
    const key: MatchScoreKey = {
      workspaceId,
      profileId: input.profileId,
      // Read before the profile itself: a correction landing in between is cached under the old
      // version, which is never asked for again, never the other way round.
      profileVersion,
      postingId: posting.id,
      extractorVersion: posting.extractorVersion,
      scorerVersion,
      day: today.toISOString().slice(0, 10),
    };
    let result: ScoreResult | null = await matchScores.get(key);
    if (result === null) {
      const [view, attested] = await Promise.all([
        getProfileView(db, { workspaceId, profileId: input.profileId }),
        listAttestations(db, { workspaceId, profileIds: [input.profileId] }),
      ]);
      if (!view) throw new AppError("NOT_FOUND");
      result = scoreProfile(matchProfileOf(view, attested.get(view.id)), requirements, { today });
      await matchScores.set(key, result);
    }
    const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
    return {
      score: result.score,
      scorerVersion: result.scorerVersion,
      breakdown: result.breakdown,
      requirements: result.requirements,
      missing: result.missing.flatMap((requirementId) => {
        const requirement = byId.get(requirementId);
        return requirement
          ? [{ requirementId, kind: requirement.kind, weight: requirement.weight, text: requirement.text }]
          : [];
      }),
    };
  });
