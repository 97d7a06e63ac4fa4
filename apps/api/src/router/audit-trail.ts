import type { Principal } from "@vitae/auth";
import { insertAuditEvent } from "@vitae/db";
import type { Context } from "../trpc/context";

/**
 * Appends an audit event for an action a procedure just performed, attributed to the calling
 * principal with the request's IP and id. Metadata must be client-safe: never secrets.
 */
export async function recordAudit(
  ctx: Context & { principal: Principal },
  event: {
    workspaceId: string | null;
    action: string;
    targetType?: string;
    targetId?: string;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  const { principal } = ctx;
  await insertAuditEvent(ctx.deps.db, {
    ...event,
    actorType: principal.kind === "user" ? "user" : "apiKey",
    actorId: principal.kind === "user" ? principal.userId : principal.apiKeyId,
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}
