import { matchStatuses, type ScoreResult } from "@vitae/matching";
import { z } from "zod";

/** How many reasons and gaps a ranking keeps per profile: enough to explain a rank at a glance. */
export const rankingReasonCount = 3;

/**
 * Why a profile ranks where it does, as a ranking stores it: its best-earning requirements (with the
 * words of the first piece of evidence) and the requirements it misses, musts first — by requirement id;
 * readers join the texts from the posting.
 */
export const rankingReasonsSchema = z.object({
  top: z
    .array(
      z.object({
        requirementId: z.string(),
        status: z.enum(matchStatuses),
        evidence: z.string().nullable(),
      }),
    )
    .max(rankingReasonCount),
  missing: z.array(z.string()).max(rankingReasonCount),
});

/** One profile's stored reasons. */
export type RankingReasons = z.infer<typeof rankingReasonsSchema>;

/** The reasons of a score: met/partial requirements by points earned (stable on ties), then the gaps. */
export function rankingReasonsOf(result: ScoreResult): RankingReasons {
  const top = result.requirements
    .map((requirement, index) => ({ requirement, index }))
    .filter(({ requirement }) => requirement.status !== "missing")
    .sort((a, b) => b.requirement.earned - a.requirement.earned || a.index - b.index)
    .slice(0, rankingReasonCount)
    .map(({ requirement }) => ({
      requirementId: requirement.requirementId,
      status: requirement.status,
      evidence: requirement.evidence[0]?.text ?? null,
    }));
  return { top, missing: result.missing.slice(0, rankingReasonCount) };
}
