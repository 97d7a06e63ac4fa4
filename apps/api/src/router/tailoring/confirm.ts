import {
  getJobPosting,
  getProfileView,
  getTailoring,
  insertProfileVersion,
  listAttestations,
  markTailoringConfirmed,
  type Profile,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { matchProfileOf, profileBaseHash } from "@vitae/jobs";
import { applyChanges, type MatchProfile } from "@vitae/matching";
import { normalizeTechnology } from "@vitae/taxonomy";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { requirementsOf } from "../postings/schemas";
import { proposalOf } from "./schemas";

/** The stored shape of a tailored profile: the same content without fact ids (new ones are issued). */
function profileOf(profile: MatchProfile): Profile {
  return {
    name: profile.name,
    headline: profile.headline,
    summary: profile.summary,
    contact: profile.contact,
    experiences: profile.experiences.map(({ id: _id, ...fact }) => fact),
    education: profile.education.map(({ id: _id, ...fact }) => fact),
    projects: profile.projects.map(({ id: _id, ...fact }) => fact),
    skills: profile.skills.map(({ id: _id, ...fact }) => fact),
  };
}

const sections = ["experiences", "education", "projects", "skills"] as const;

/**
 * Confirms a `ready` tailoring with the changes the user accepted: creates a NEW profile version (its
 * parent, the tailored profile, is not touched) linked to the parent and this tailoring, with the
 * parent's attested skills, in one audited transaction (`tailoring.confirm`). Refuses with
 * `BASE_CHANGED` when `baseHash` is not the proposal's or the profile no longer hashes to it (corrected,
 * re-parsed or newly attested since); `CONFLICT` when the tailoring is not ready or already confirmed;
 * `VALIDATION_FAILED` for a change id the proposal does not have. No section, experience, education
 * entry, project or skill is ever lost: only accepted bullet removals shorten anything.
 */
export const confirm = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(
    z.strictObject({
      tailoringId: z.uuid(),
      acceptedChangeIds: z.array(z.string().min(1).max(100)).max(1000),
      baseHash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  )
  .output(
    z.object({
      profileId: z.string(),
      parentProfileId: z.string(),
      tailoringId: z.string(),
      appliedChangeIds: z.array(z.string()),
      scoreBefore: z.number(),
      scoreAfter: z.number(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    return auditedWrite(
      ctx,
      async (tx) => {
        const ref = { workspaceId, tailoringId: input.tailoringId };
        const tailoring = await getTailoring(tx, { ...ref, forUpdate: true });
        if (tailoring === undefined) throw new AppError("NOT_FOUND");
        if (tailoring.status === "confirmed") {
          throw new AppError("CONFLICT", { message: "This tailoring was already confirmed." });
        }
        if (tailoring.status !== "ready" || tailoring.baseHash === null) {
          throw new AppError("CONFLICT", { message: "This tailoring is not ready to confirm yet." });
        }
        if (input.baseHash !== tailoring.baseHash) throw new AppError("BASE_CHANGED");
        const { changes } = proposalOf(tailoring);
        const known = new Set(changes.map((change) => change.id));
        const unknown = input.acceptedChangeIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new AppError("VALIDATION_FAILED", {
            message: "Some accepted changes are not part of this proposal.",
            details: {
              fieldErrors: { acceptedChangeIds: unknown.slice(0, 20).map((id) => `unknown ${id}`) },
            },
          });
        }
        const [view, attested, posting] = await Promise.all([
          getProfileView(tx, { workspaceId, profileId: tailoring.profileId }),
          listAttestations(tx, { workspaceId, profileIds: [tailoring.profileId] }),
          getJobPosting(tx, { workspaceId, postingId: tailoring.postingId }),
        ]);
        if (view === undefined || posting === undefined) throw new AppError("NOT_FOUND");
        const base = matchProfileOf(view, attested.get(view.id));
        if (profileBaseHash(base) !== tailoring.baseHash) throw new AppError("BASE_CHANGED");

        const accepted = new Set(input.acceptedChangeIds);
        const chosen = changes
          .filter((change) => accepted.has(change.id))
          .map(({ scoreDelta: _delta, ...change }) => change);
        const applied = applyChanges(base, chosen, {
          requirements: requirementsOf(posting),
          today: new Date(),
        });
        // Verified against this very base when proposed; a refusal now means the proposal is inconsistent.
        if (applied.rejected.length > 0) throw new AppError("BASE_CHANGED");
        for (const section of sections) {
          if (applied.profile[section].length !== base[section].length) {
            throw new AppError("INTERNAL", { message: "A tailored version would lose a section." });
          }
        }
        const profileId = await insertProfileVersion(tx, {
          workspaceId,
          parentProfileId: base.id,
          tailoringId: tailoring.id,
          profile: profileOf(applied.profile),
          sectionOrder: applied.sectionOrder,
          resolveTechnology: normalizeTechnology,
        });
        await markTailoringConfirmed(tx, { ...ref, resultProfileId: profileId });
        return {
          profileId,
          parentProfileId: base.id,
          tailoringId: tailoring.id,
          appliedChangeIds: applied.changes.map((change) => change.id),
          scoreBefore: applied.scoreBefore,
          scoreAfter: applied.scoreAfter,
        };
      },
      (result) => ({
        workspaceId,
        action: "tailoring.confirm",
        targetType: "profile",
        targetId: result.profileId,
        metadata: {
          tailoringId: result.tailoringId,
          parentProfileId: result.parentProfileId,
          accepted: result.appliedChangeIds.length,
        },
      }),
    );
  });
