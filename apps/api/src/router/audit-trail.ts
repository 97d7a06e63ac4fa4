import type { Principal } from "@vitae/auth";
import { type InsertAuditEventParams, insertAuditEvent } from "@vitae/db";
import type { Context } from "../trpc/context";

/**
 * Appends an audit event for an action a procedure just performed, attributed to the calling
 * principal with the request's IP and id. Metadata must be client-safe: never secrets.
 */
export async function recordAudit(
  ctx: Context & { principal: Principal },
  event: AuditedAction,
): Promise<void> {
  await insertAuditEvent(ctx.deps.db, auditEventOf(ctx, event));
}

/** What a procedure did, for the audit log. Metadata must be client-safe: never secrets. */
export interface AuditedAction {
  workspaceId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

/**
 * The audit event of `event`, attributed like {@link recordAudit}, for a workflow that writes it in its
 * own transaction so the change and its audit row commit together.
 */
export function auditEventOf(
  ctx: Context & { principal: Principal },
  event: AuditedAction,
): InsertAuditEventParams {
  const { principal } = ctx;
  return {
    ...event,
    actorType: principal.kind === "user" ? "user" : "apiKey",
    actorId: principal.kind === "user" ? principal.userId : principal.apiKeyId,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}
