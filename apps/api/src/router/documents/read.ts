import {
  type DocumentRecord,
  documentKinds,
  documentQueryMaxChars,
  getDocument,
  getDocumentText,
  listDocuments,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isTerminalJobStatus } from "@vitae/queue";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";
import { pageInputFields } from "../schemas";
import { documentIdInput, documentListItemSchema, documentStatuses, documentSummarySchema } from "./schemas";

type Summary = z.input<typeof documentSummarySchema>;

/** What clients see of a stored document (`DocumentSummary` of docs/documents-contracts.md). */
export function documentSummaryOf(document: DocumentRecord): Summary {
  return {
    id: document.id,
    filename: document.filename,
    contentType: document.contentType,
    size: document.size,
    status: document.status,
    errorCode: document.errorCode,
    errorMessage: document.errorMessage,
    warnings: document.warnings,
    profileId: document.profileId,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

async function summaryOf(ctx: Context, workspaceId: string, documentId: string): Promise<Summary> {
  const document = await getDocument(ctx.deps.db, { workspaceId, documentId });
  if (!document) throw new AppError("NOT_FOUND");
  return documentSummaryOf(document);
}

/**
 * One page of the workspace's documents, newest first, each with the person it is about and, when the
 * same file or the same email was uploaded before, that document. `query` searches names, roles, skills
 * and file names (full text, web-search syntax); `statuses` and `kinds` narrow the list.
 */
export const list = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(
    z
      .strictObject({
        ...pageInputFields,
        query: z.string().max(documentQueryMaxChars).optional(),
        statuses: z.array(z.enum(documentStatuses)).max(documentStatuses.length).optional(),
        kinds: z.array(z.enum(documentKinds)).max(documentKinds.length).optional(),
      })
      .optional(),
  )
  .output(z.object({ items: z.array(documentListItemSchema), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) =>
    listDocuments(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      cursor: input?.cursor ?? undefined,
      limit: input?.limit,
      query: input?.query,
      statuses: input?.statuses,
      kinds: input?.kinds,
    }),
  );

/**
 * The text read from a document, for reviewing its profile beside it: what extraction produced (the
 * lines that read as instructions to an AI already removed), null until the document is ready. `kind`
 * says how to show the original (`pdf` can be rendered from `documents.download`).
 */
export const source = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(documentIdInput)
  .output(z.object({ kind: z.enum(documentKinds), text: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const ref = { workspaceId: ctx.workspace.id, documentId: input.documentId };
    const [document, text] = await Promise.all([
      getDocument(ctx.deps.db, ref),
      getDocumentText(ctx.deps.db, ref),
    ]);
    if (!document || text === undefined) throw new AppError("NOT_FOUND");
    const type = document.detectedType ?? document.contentType;
    const kind = type === "application/pdf" ? "pdf" : type.includes("wordprocessingml") ? "docx" : "text";
    return { kind, text: document.status === "ready" ? text : null };
  });

export const byId = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(documentIdInput)
  .output(documentSummarySchema)
  .query(({ ctx, input }) => summaryOf(ctx, ctx.workspace.id, input.documentId));

const progressEvent = documentSummarySchema.extend({
  progress: z.number(),
  progressMessage: z.string().nullable(),
});

/**
 * Streams a document's ingestion: its state now, then every progress step of its ingest run, then its
 * final state (ready with a profile, or failed with a code). Ends at once for a document that is not
 * being ingested (never finalized, or already finished).
 */
export const progress = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(documentIdInput)
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<z.input<typeof progressEvent>> {
    const workspaceId = ctx.workspace.id;
    const initial = await summaryOf(ctx, workspaceId, input.documentId);
    const settled = initial.status === "ready" || initial.status === "failed";
    if (settled) {
      yield { ...initial, progress: 100, progressMessage: null };
      return;
    }
    // The run the document waits for: the first ingest's id is the document's, a re-ingest's is new.
    const document = await getDocument(ctx.deps.db, { workspaceId, documentId: input.documentId });
    const runId = document?.currentRunId ?? input.documentId;
    const run = await ctx.deps.queue.getJobStatus(runId).catch(() => null);
    if (run === null) {
      yield { ...initial, progress: 0, progressMessage: "Waiting for the upload to be confirmed." };
      return;
    }
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(runId, { signal: stop })) {
      const summary = await summaryOf(ctx, workspaceId, input.documentId);
      yield { ...summary, progress: snapshot.progress, progressMessage: snapshot.progressMessage };
      if (isTerminalJobStatus(snapshot.status)) return;
    }
  });
