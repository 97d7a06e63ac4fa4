import type { Principal } from "@vitae/auth";
import { exportStatuses } from "@vitae/contracts";
import { getExport } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isTerminalJobStatus } from "@vitae/queue";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";
import { assertMayRead } from "./read";

const progressEvent = z.object({
  exportId: z.string(),
  status: z.enum(exportStatuses),
  progress: z.number(),
  progressMessage: z.string().nullable(),
});

async function stateOf(ctx: Context, principal: Principal, workspaceId: string, exportId: string) {
  const record = await getExport(ctx.deps.db, { workspaceId, exportId });
  if (!record) throw new AppError("NOT_FOUND");
  assertMayRead(principal, record);
  return {
    exportId: record.id,
    status: record.status,
    progress: record.progress,
    message: record.progressMessage,
  };
}

/**
 * Streams an export's run as `imports.progress` does for an import: the state now, every progress step
 * of the worker (the export id is its run id), then the state the run left — `ready` (read
 * `exports.byId` for the download link) or `failed`. Ends at once when the export is not queued or
 * running. The same readers as `exports.byId`.
 */
export const progress = workspaceProcedure({ role: "viewer", scope: "workspace:read" })
  .input(z.strictObject({ exportId: z.uuid() }))
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<z.input<typeof progressEvent>> {
    const workspaceId = ctx.workspace.id;
    const initial = await stateOf(ctx, ctx.principal, workspaceId, input.exportId);
    yield {
      exportId: initial.exportId,
      status: initial.status,
      progress: initial.progress,
      progressMessage: initial.message,
    };
    if (initial.status !== "queued" && initial.status !== "running") return;
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(input.exportId, { signal: stop })) {
      const state = await stateOf(ctx, ctx.principal, workspaceId, input.exportId);
      yield {
        exportId: state.exportId,
        status: state.status,
        progress: snapshot.progress,
        progressMessage: snapshot.progressMessage,
      };
      if (isTerminalJobStatus(snapshot.status)) return;
    }
  });
