import { getTailoring, type Tailoring, tailoringStatuses } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isTerminalJobStatus } from "@vitae/queue";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";

const progressEvent = z.object({
  tailoringId: z.string(),
  status: z.enum(tailoringStatuses),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  errorCode: z.string().nullable(),
});

async function current(ctx: Context, workspaceId: string, tailoringId: string): Promise<Tailoring> {
  const tailoring = await getTailoring(ctx.deps.db, { workspaceId, tailoringId });
  if (tailoring === undefined) throw new AppError("NOT_FOUND");
  return tailoring;
}

const isSettled = (status: Tailoring["status"]) => status !== "queued" && status !== "running";

/**
 * Streams a tailoring's proposal: its state now, every progress step of its job, then its final state
 * (`ready` to review with `tailoring.byId`, or `failed` with a code). Ends at once for a settled one.
 */
export const progress = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(z.strictObject({ tailoringId: z.uuid() }))
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<z.input<typeof progressEvent>> {
    const workspaceId = ctx.workspace.id;
    const eventOf = (tailoring: Tailoring, percent: number, message: string | null) => ({
      tailoringId: tailoring.id,
      status: tailoring.status,
      progress: isSettled(tailoring.status) ? 100 : percent,
      progressMessage: message,
      errorCode: tailoring.errorCode,
    });
    const initial = await current(ctx, workspaceId, input.tailoringId);
    if (isSettled(initial.status)) {
      yield eventOf(initial, 100, null);
      return;
    }
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(initial.id, { signal: stop })) {
      const tailoring = await current(ctx, workspaceId, input.tailoringId);
      yield eventOf(tailoring, snapshot.progress, snapshot.progressMessage);
      if (isTerminalJobStatus(snapshot.status) || isSettled(tailoring.status)) return;
    }
  });
