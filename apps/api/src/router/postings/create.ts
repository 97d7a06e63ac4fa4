import { insertAuditEvent, insertJobPosting } from "@vitae/db";
import { extractRequirements, scorerVersion } from "@vitae/matching";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { postingLabelInput, postingTextInput } from "./schemas";

/**
 * Stores a pasted job posting with its requirements, extracted deterministically from the whole text
 * now (never truncated: the input is bounded instead), so reading and scoring never re-extract. The
 * extraction is versioned with the scorer (`@vitae/matching` versions both as `scorerVersion`). The
 * posting and its audit row commit together.
 */
export const create = workspaceProcedure({ role: "member", scope: "postings:write" })
  .input(
    z.strictObject({
      text: postingTextInput,
      title: postingLabelInput.optional(),
      company: postingLabelInput.optional(),
    }),
  )
  .output(z.object({ postingId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const requirements = extractRequirements(input.text);
    const posting = await ctx.deps.db.transaction(async (tx) => {
      const inserted = await insertJobPosting(tx, {
        workspaceId,
        createdBy: ctx.principal.userId,
        title: input.title ?? null,
        company: input.company ?? null,
        text: input.text,
        requirements,
        extractorVersion: scorerVersion,
      });
      await insertAuditEvent(
        tx,
        auditEventOf(ctx, {
          workspaceId,
          action: "postings.create",
          targetType: "posting",
          targetId: inserted.id,
          metadata: { requirements: requirements.length, chars: input.text.length },
        }),
      );
      return inserted;
    });
    return { postingId: posting.id };
  });
