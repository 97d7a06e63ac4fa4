import type { JobHandler } from "../handler-types";

/** `usage.flush-requests`: one write-behind pass of the request counters per tick of its scheduler. */
export const flushRequests: JobHandler<"usage.flush-requests"> = async (context) => {
  const flushed = await context.usage.flush();
  if (flushed.requests > 0) context.logger.debug({ flushed }, "request counters written behind");
  return { workspaces: flushed.workspaces, requests: flushed.requests };
};
