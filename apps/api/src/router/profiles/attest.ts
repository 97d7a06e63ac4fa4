import { insertAttestation } from "@vitae/db";
import { normalizeTechnology } from "@vitae/taxonomy";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { isoDate } from "../schemas";

/** An attested skill: one short line with at least one letter or digit. */
const skillInput = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => /[\p{L}\p{N}]/u.test(value) && !/[\r\n]/.test(value), "must be one word or phrase");

/**
 * "I have this": records that the person of profile `profileId` has `skill` (stored under the taxonomy's
 * canonical name when it knows it: "k8s" → Kubernetes), with an optional note. Audited
 * (`profiles.attest`). From then on the match scorer cites the attestation as evidence and the tailoring
 * verifier accepts the skill — the only way a skill the résumé lacks can enter a tailored version.
 * Attesting a skill twice is idempotent (`created: false`, one audit row per call).
 */
export const attest = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(
    z.strictObject({
      profileId: z.uuid(),
      skill: skillInput,
      note: z.string().trim().min(1).max(500).optional(),
    }),
  )
  .output(
    z.object({
      attestationId: z.string(),
      profileId: z.string(),
      skill: z.string(),
      note: z.string().nullable(),
      created: z.boolean(),
      createdAt: isoDate,
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const skill = normalizeTechnology(input.skill)?.name ?? input.skill;
    const { attestation, created } = await auditedWrite(
      ctx,
      (tx) =>
        insertAttestation(tx, {
          workspaceId: ctx.workspace.id,
          profileId: input.profileId,
          skill,
          note: input.note ?? null,
          createdBy: ctx.principal.userId,
        }),
      (result) => ({
        workspaceId: ctx.workspace.id,
        action: "profiles.attest",
        targetType: "profile",
        targetId: input.profileId,
        metadata: { attestationId: result.attestation.id, skill, created: result.created },
      }),
    );
    return {
      attestationId: attestation.id,
      profileId: attestation.profileId,
      skill: attestation.skill,
      note: attestation.note,
      created,
      createdAt: attestation.createdAt,
    };
  });
