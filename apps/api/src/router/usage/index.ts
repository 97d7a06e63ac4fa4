import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";

const meter = z.object({ used: z.number(), limit: z.number() });

/** This month's usage of the active workspace against its plan's quotas. */
const current = workspaceProcedure({ role: "viewer", scope: "usage:read" })
  .output(
    z.object({
      plan: z.string(),
      period: z.object({ start: z.string(), end: z.string() }),
      requests: meter,
      llmTokens: meter,
      storedBytes: meter,
    }),
  )
  .query(({ ctx }) => ctx.deps.quota.current(ctx.workspace.id, ctx.workspace.plan));

export const usageRouter = router({ current });
