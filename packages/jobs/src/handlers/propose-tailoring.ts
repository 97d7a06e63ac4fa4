import {
  completeTailoring,
  getJobPosting,
  getProfileView,
  getTailoring,
  listAttestations,
  startTailoring,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { applyChanges, proposeChanges, requirementSchema } from "@vitae/matching";
import { z } from "zod";
import type { JobHandler } from "../handler-types";
import { profileBaseHash } from "../matching/base-hash";
import { matchProfileOf } from "../matching/match-profile";

/**
 * `tailoring.propose-changes` (deterministic mode): reads the profile (with its attested skills) and the
 * posting, proposes reorder/shorten changes, lets the blocking verifier judge every one, and stores the
 * accepted changes with each one's score delta, the rejected ones with their reasons, the scores before
 * and after all accepted changes, and the base hash a confirmation must still match. Idempotent: a
 * finished tailoring is left alone and a retry recomputes the same proposal.
 */
export const proposeTailoring: JobHandler<"tailoring.propose-changes"> = async (context) => {
  const { db, payload, reportProgress } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "A tailoring run needs a workspace." });
  const ref = { workspaceId, tailoringId: payload.tailoringId };
  const tailoring = await getTailoring(db, ref);
  if (tailoring === undefined || !(await startTailoring(db, ref))) {
    return { tailoringId: payload.tailoringId, skipped: true, changes: 0 };
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
  await reportProgress(30, "Proposing changes");
  const profile = matchProfileOf(view, attested.get(view.id));
  const applied = applyChanges(profile, proposeChanges(profile, parsed.data), {
    requirements: parsed.data,
    today: new Date(),
  });
  await completeTailoring(db, {
    ...ref,
    baseHash: profileBaseHash(profile),
    changes: applied.changes,
    rejected: applied.rejected,
    sectionOrder: applied.sectionOrder,
    scoreBefore: applied.scoreBefore,
    scoreAfter: applied.scoreAfter,
  });
  await reportProgress(100, "Changes ready");
  return { tailoringId: tailoring.id, skipped: false, changes: applied.changes.length };
};
