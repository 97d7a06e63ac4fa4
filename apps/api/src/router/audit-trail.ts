import type { Principal } from "@vitae/auth";
import { type Database, type InsertAuditEventParams, insertAuditEvent } from "@vitae/db";
import type { Context } from "../trpc/context";

/** What a procedure did, for the audit log. Metadata must be client-safe: never secrets. */
export interface AuditedAction {
  workspaceId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

/**
 * The audit event of `event`, attributed to the calling principal with the request's IP and id, for a
 * workflow that writes it inside its own transaction so the change and its audit row commit together.
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

/**
 * Runs `write` and appends its audit event in one transaction, so a change is never recorded without
 * its audit row or the other way round. `audit` builds the event from what `write` returned (e.g. the
 * created record's id). Use it for every audited mutation whose writes are ours (not better-auth's).
 */
export function auditedWrite<T>(
  ctx: Context & { principal: Principal },
  write: (tx: Database) => Promise<T>,
  audit: (result: T) => AuditedAction,
): Promise<T> {
  return ctx.deps.db.transaction(async (tx) => {
    const result = await write(tx);
    await insertAuditEvent(tx, auditEventOf(ctx, audit(result)));
    return result;
  });
}
