import { matchLlmFallbacks, matchModes } from "@vitae/contracts";
import { getJobPosting, listJobPostings } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { isoDate, pageInputFields } from "../schemas";
import { postingIdInput, requirementOutput, requirementsOf } from "./schemas";

const readProcedure = workspaceProcedure({ role: "viewer", scope: "postings:read" });

/**
 * A posting with its text and the requirements extracted from it (spans point into `text`);
 * `extraction` says whether the LLM's grounded requirements are among them, or why not.
 */
export const byId = readProcedure
  .input(postingIdInput)
  .output(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      company: z.string().nullable(),
      text: z.string(),
      requirements: z.array(requirementOutput),
      extraction: z.object({ mode: z.enum(matchModes), fallback: z.enum(matchLlmFallbacks).nullable() }),
      createdAt: isoDate,
    }),
  )
  .query(async ({ ctx, input }) => {
    const posting = await getJobPosting(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      postingId: input.postingId,
    });
    if (!posting) throw new AppError("NOT_FOUND");
    return {
      id: posting.id,
      title: posting.title,
      company: posting.company,
      text: posting.text,
      requirements: requirementsOf(posting).map(({ id, kind, text, weight, canonical, span }) => ({
        id,
        kind,
        text,
        weight,
        canonical,
        span,
      })),
      extraction: { mode: posting.extractionMode, fallback: posting.extractionFallback },
      createdAt: posting.createdAt,
    };
  });

/** The workspace's postings, newest first, keyset-paginated like `documents.list`. */
export const list = readProcedure
  .input(
    z
      .strictObject({
        ...pageInputFields,
      })
      .optional(),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string().nullable(),
          company: z.string().nullable(),
          requirementCount: z.number(),
          createdAt: isoDate,
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) =>
    listJobPostings(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      cursor: input?.cursor,
      limit: input?.limit,
    }),
  );
