import { z } from "zod";
import { publicProcedure } from "../../trpc/procedures";

const componentStatus = z.object({
  name: z.enum(["postgres", "redis", "storage"]),
  status: z.enum(["up", "down"]),
  latencyMs: z.number().nullable(),
});

/** Readiness of each dependency plus the running version; no error text, so it is safe to show. */
export const statusProcedure = publicProcedure
  .output(
    z.object({
      version: z.string(),
      mode: z.enum(["embedded", "distributed"]),
      ready: z.boolean(),
      components: z.array(componentStatus),
      llm: z.object({ available: z.boolean(), breaker: z.enum(["closed", "open", "half-open"]) }),
    }),
  )
  .query(async ({ ctx }) => {
    const report = await ctx.deps.readiness.check();
    return {
      version: ctx.deps.version,
      mode: ctx.deps.mode,
      ready: report.ready,
      components: report.components,
      llm: { available: ctx.deps.llm.available, breaker: ctx.deps.llm.breakerState() },
    };
  });
