import { insertAuditEvent, insertJobPosting } from "@vitae/db";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { extractPosting } from "./extract";
import { postingLabelInput, postingTextInput } from "./schemas";

/**
 * Stores a pasted job posting with its requirements, extracted from the whole text now (never
 * truncated: the input is bounded instead), so reading and scoring never re-extract: deterministically,
 * and with an LLM configured (and admitted by the `llm` tier and token quota) also the LLM's grounded
 * requirements (see `extractPosting`). The extraction is versioned with the scorer and the prompt. The
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
    const { requirements, dropped, ...extraction } = await extractPosting(ctx, input.text);
    const posting = await ctx.deps.db.transaction(async (tx) => {
      const inserted = await insertJobPosting(tx, {
        workspaceId,
        createdBy: ctx.principal.userId,
        title: input.title ?? null,
        company: input.company ?? null,
        text: input.text,
        requirements,
        ...extraction,
      });
      await insertAuditEvent(
        tx,
        auditEventOf(ctx, {
          workspaceId,
          action: "postings.create",
          targetType: "posting",
          targetId: inserted.id,
          metadata: {
            requirements: requirements.length,
            chars: input.text.length,
            mode: extraction.extractionMode,
            ...(extraction.extractionFallback ? { fallback: extraction.extractionFallback } : {}),
            ...(dropped > 0 ? { dropped } : {}),
          },
        }),
      );
      return inserted;
    });
    return { postingId: posting.id };
  });
