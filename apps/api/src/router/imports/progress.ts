import { getImport } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isTerminalJobStatus } from "@vitae/queue";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";
import { importIdInput, importStatusOutput, ledgerOf, validationLedgerSchema } from "./schemas";

const progressEvent = z.object({
  importId: z.string(),
  status: importStatusOutput,
  errorCode: z.string().nullable(),
  ledger: validationLedgerSchema.nullable(),
  progress: z.number(),
  progressMessage: z.string().nullable(),
});

async function stateOf(ctx: Context, workspaceId: string, importId: string) {
  const record = await getImport(ctx.deps.db, { workspaceId, importId });
  if (!record) throw new AppError("NOT_FOUND");
  return {
    importId: record.id,
    status: record.status,
    errorCode: record.errorCode,
    ledger: ledgerOf(record.ledger),
    currentRunId: record.currentRunId,
  };
}

/**
 * Streams an import's current run — analysis, validation or a fix — as `documents.progress` does for
 * ingestion: the state now, every progress step, then the state the run left (e.g. `validated` with its
 * ledger). Ends at once when no run is under way.
 */
export const progress = workspaceProcedure({ role: "viewer", scope: "imports:read" })
  .input(importIdInput)
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<z.input<typeof progressEvent>> {
    const workspaceId = ctx.workspace.id;
    const { currentRunId, ...initial } = await stateOf(ctx, workspaceId, input.importId);
    const isMoving = initial.status === "analysing" || initial.status === "validating";
    const run =
      isMoving && currentRunId !== null
        ? await ctx.deps.queue.getJobStatus(currentRunId).catch(() => null)
        : null;
    if (run === null || currentRunId === null) {
      yield { ...initial, progress: isMoving ? 0 : 100, progressMessage: null };
      return;
    }
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(currentRunId, { signal: stop })) {
      const { currentRunId: _run, ...state } = await stateOf(ctx, workspaceId, input.importId);
      yield { ...state, progress: snapshot.progress, progressMessage: snapshot.progressMessage };
      if (isTerminalJobStatus(snapshot.status)) return;
    }
  });
