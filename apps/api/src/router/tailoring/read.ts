import { matchLlmFallbacks } from "@vitae/contracts";
import { getTailoring, tailoringModes, tailoringStatuses } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { rejectionCodes } from "@vitae/matching";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { isoDate } from "../schemas";
import { changeOutput, proposalOf } from "./schemas";

/**
 * A tailoring: its status, and once `ready` the changes the verifier accepted (each with the score
 * delta it alone brings), the ones it rejected with the reason, the score before and after all accepted
 * changes, and the `baseHash` a confirmation must send back. `mode` says how the changes were made
 * (`llm` adds rephrasings) and `fallback` why a tailoring that could use the LLM did not. `resultProfileId` is the version created by
 * `tailoring.confirm`.
 */
export const byId = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(z.strictObject({ tailoringId: z.uuid() }))
  .output(
    z.object({
      id: z.string(),
      profileId: z.string(),
      postingId: z.string(),
      status: z.enum(tailoringStatuses),
      mode: z.enum(tailoringModes),
      fallback: z.enum(matchLlmFallbacks).nullable(),
      baseHash: z.string().nullable(),
      changes: z.array(changeOutput.extend({ scoreDelta: z.number() })),
      rejected: z.array(z.object({ change: changeOutput, code: z.enum(rejectionCodes), reason: z.string() })),
      sectionOrder: z.array(z.string()).nullable(),
      scoreBefore: z.number().nullable(),
      scoreAfter: z.number().nullable(),
      resultProfileId: z.string().nullable(),
      errorCode: z.string().nullable(),
      createdAt: isoDate,
      confirmedAt: isoDate.nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const tailoring = await getTailoring(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      tailoringId: input.tailoringId,
    });
    if (tailoring === undefined) throw new AppError("NOT_FOUND");
    const { changes, rejected } = proposalOf(tailoring);
    return {
      ...tailoring,
      changes,
      rejected: rejected.map((rejection) => ({
        change: rejection.change,
        code: rejection.code,
        reason: rejection.detail,
      })),
    };
  });
