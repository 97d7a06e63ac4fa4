import { activityLimits, dailyActivity, documentStatusCounts, usageHistory } from "@vitae/db";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";

const meter = z.object({ used: z.number(), limit: z.number() });
const read = workspaceProcedure({ role: "viewer", scope: "usage:read" });

/** This month's usage of the active workspace against its plan's quotas. */
const current = read
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

/**
 * Requests, AI tokens and stored bytes per month for the last `months` months (default 6, oldest
 * first): the Usage page's chart. The current month shows the live figures `current` shows (requests
 * are counted in Redis and written to Postgres behind), so the chart and the meters agree.
 */
const history = read
  .input(
    z.strictObject({ months: z.number().int().min(1).max(activityLimits.maxMonths).default(6) }).optional(),
  )
  .output(
    z.array(
      z.object({ period: z.string(), requests: z.number(), llmTokens: z.number(), storedBytes: z.number() }),
    ),
  )
  .query(async ({ ctx, input }) => {
    const [months, live] = await Promise.all([
      usageHistory(ctx.deps.db, { workspaceId: ctx.workspace.id, months: input?.months ?? 6 }),
      ctx.deps.quota.current(ctx.workspace.id, ctx.workspace.plan),
    ]);
    const latest = months.at(-1);
    if (latest !== undefined) {
      latest.requests = live.requests.used;
      latest.llmTokens = live.llmTokens.used;
      latest.storedBytes = live.storedBytes.used;
    }
    return months;
  });

/**
 * The home dashboard's figures: documents by status, and questions asked and share-link conversations
 * started per day over the last `days` days (default 7, today last). Counts only — no question text,
 * no visitor detail — so every member who may read usage may see them.
 */
const dashboard = read
  .input(z.strictObject({ days: z.number().int().min(1).max(activityLimits.maxDays).default(7) }).optional())
  .output(
    z.object({
      documents: z.object({
        uploaded: z.number(),
        processing: z.number(),
        ready: z.number(),
        failed: z.number(),
      }),
      activity: z.array(z.object({ day: z.string(), questions: z.number(), shareVisits: z.number() })),
    }),
  )
  .query(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const [documents, activity] = await Promise.all([
      documentStatusCounts(ctx.deps.db, { workspaceId }),
      dailyActivity(ctx.deps.db, { workspaceId, days: input?.days ?? 7 }),
    ]);
    return { documents, activity };
  });

export const usageRouter = router({ current, history, dashboard });
