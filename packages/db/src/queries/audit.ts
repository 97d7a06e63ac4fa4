import { AppError } from "@vitae/errors";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../database";
import { type AuditActorType, apiKeys, auditLog, documents, users, workspaceMembers } from "../schema";
import { isUuid } from "./ids";
import { decodeKeysetCursor, encodeKeysetCursor, pageLimit } from "./keyset-cursor";
import { isForeignKeyViolation } from "./pg-errors";

/** Parameters of {@link insertAuditEvent}. */
export interface InsertAuditEventParams {
  /** The workspace the action happened in; `null` for account-level events (sign-in, sign-up). */
  workspaceId: string | null;
  actorType: AuditActorType;
  /** User id or API key id (per `actorType`); `null` when unknown (a failed sign-in) or a system action. */
  actorId: string | null;
  /** `domain.verb`, e.g. `members.remove`, `auth.sign-in.failed`. */
  action: string;
  targetType?: string | null | undefined;
  targetId?: string | null | undefined;
  ip?: string | null | undefined;
  requestId?: string | null | undefined;
  /** Client-safe details; never secrets (passwords, keys, tokens). */
  metadata?: Record<string, unknown> | undefined;
}

/**
 * Appends one audit event and returns its id and time. A malformed `actorId` is stored as `null` (with
 * the raw value kept in `metadata.actorId`) rather than losing the event; a missing workspace throws
 * `AppError("NOT_FOUND")`.
 */
export async function insertAuditEvent(
  db: Database,
  params: InsertAuditEventParams,
): Promise<{ id: string; createdAt: Date }> {
  if (params.workspaceId !== null && !isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  const actorIdValid = params.actorId !== null && isUuid(params.actorId);
  const metadata =
    params.actorId !== null && !actorIdValid
      ? { ...params.metadata, actorId: params.actorId }
      : (params.metadata ?? {});
  try {
    const [row] = await db
      .insert(auditLog)
      .values({
        workspaceId: params.workspaceId,
        actorType: params.actorType,
        actorId: actorIdValid ? params.actorId : null,
        action: params.action,
        targetType: params.targetType ?? null,
        targetId: params.targetId ?? null,
        ip: params.ip ?? null,
        requestId: params.requestId ?? null,
        metadata,
      })
      .returning({ id: auditLog.id, createdAt: auditLog.createdAt });
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

/**
 * One audit event as listed to admins. Names are resolved inside the listed workspace only: a person's
 * name and email while they are a member of it, an API key's name while the key belongs to it, a
 * document's file name while it is stored in it (after a delete, the name the event recorded). Anyone or
 * anything else is `null` and shown by id — a name from another workspace never appears.
 */
export interface AuditEventItem {
  id: string;
  action: string;
  actorType: AuditActorType;
  actorId: string | null;
  /** The acting member's name, or the acting API key's name; `null` otherwise. */
  actorName: string | null;
  /** The acting member's current email; `null` for non-members and other actors. */
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The target member's name (`targetType` `user`) or the target document's file name (`document`). */
  targetName: string | null;
  /** The target member's current email (`targetType` `user`); `null` otherwise. */
  targetEmail: string | null;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
  metadata: Record<string, unknown>;
}

/** Parameters of {@link listAuditEvents}. */
export interface ListAuditEventsParams {
  workspaceId: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  /** Page size, 1–100 (default 50). */
  limit?: number | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  /** Inclusive lower bound on `createdAt`. */
  from?: Date | undefined;
  /** Exclusive upper bound on `createdAt`. */
  to?: Date | undefined;
}

// Tables joined for display names, each under its own name because `users` and `workspace_members` are
// joined twice (actor and target).
const actorMember = alias(workspaceMembers, "actor_member");
const actorUser = alias(users, "actor_user");
const actorKey = alias(apiKeys, "actor_key");
const targetMember = alias(workspaceMembers, "target_member");
const targetUser = alias(users, "target_user");
const targetDocument = alias(documents, "target_document");

// `target_id` is free text (some targets are not rows); it is compared as a uuid only when it is one, and
// CASE guarantees the cast never runs on anything else.
const targetUuid = sql`case when ${auditLog.targetId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${auditLog.targetId}::uuid end`;

const actorName = sql<string | null>`coalesce(${actorUser.name}, ${actorKey.name})`;
// A deleted document is no longer there to join; its upload and delete events recorded its name.
const recordedFilename = sql`case when ${auditLog.targetType} = 'document' then ${auditLog.metadata} ->> 'filename' end`;
const targetName = sql<
  string | null
>`coalesce(${targetUser.name}, ${targetDocument.filename}, ${recordedFilename})`;

/** Default and maximum page sizes of {@link listAuditEvents}. */
export const auditPageSize = { default: 50, max: 100 } as const;

/**
 * One page of `workspaceId`'s audit events, newest first, with keyset pagination on
 * `(created_at, id)` (stable while new events arrive; served by the `(workspace_id, created_at desc,
 * id desc)` index). Filters combine with AND. Display names are joined as {@link AuditEventItem} says,
 * every join bound to `workspaceId`. `nextCursor` is `null` on the last page. Throws
 * `AppError("BAD_REQUEST")` for a malformed cursor or a limit outside 1–100.
 */
export async function listAuditEvents(
  db: Database,
  params: ListAuditEventsParams,
): Promise<{ items: AuditEventItem[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, auditPageSize.default, auditPageSize.max);
  const cursor = params.cursor === undefined ? undefined : decodeKeysetCursor(params.cursor);
  if (!isUuid(params.workspaceId)) return { items: [], nextCursor: null };
  if (params.actorId !== undefined && !isUuid(params.actorId)) return { items: [], nextCursor: null };

  const conditions: (SQL | undefined)[] = [eq(auditLog.workspaceId, params.workspaceId)];
  if (cursor !== undefined) {
    conditions.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  if (params.action !== undefined) conditions.push(eq(auditLog.action, params.action));
  if (params.actorId !== undefined) conditions.push(eq(auditLog.actorId, params.actorId));
  if (params.from !== undefined) conditions.push(gte(auditLog.createdAt, params.from));
  if (params.to !== undefined) conditions.push(lt(auditLog.createdAt, params.to));

  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorName,
      actorEmail: actorUser.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetName,
      targetEmail: targetUser.email,
      ip: auditLog.ip,
      requestId: auditLog.requestId,
      createdAt: auditLog.createdAt,
      metadata: auditLog.metadata,
    })
    .from(auditLog)
    .leftJoin(
      actorMember,
      and(
        eq(auditLog.actorType, "user"),
        eq(actorMember.workspaceId, params.workspaceId),
        eq(actorMember.userId, auditLog.actorId),
      ),
    )
    .leftJoin(actorUser, eq(actorUser.id, actorMember.userId))
    .leftJoin(
      actorKey,
      and(
        eq(auditLog.actorType, "apiKey"),
        eq(actorKey.workspaceId, params.workspaceId),
        eq(actorKey.id, auditLog.actorId),
      ),
    )
    .leftJoin(
      targetMember,
      and(
        eq(auditLog.targetType, "user"),
        eq(targetMember.workspaceId, params.workspaceId),
        sql`${targetMember.userId} = ${targetUuid}`,
      ),
    )
    .leftJoin(targetUser, eq(targetUser.id, targetMember.userId))
    .leftJoin(
      targetDocument,
      and(
        eq(auditLog.targetType, "document"),
        eq(targetDocument.workspaceId, params.workspaceId),
        sql`${targetDocument.id} = ${targetUuid}`,
      ),
    )
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);

  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeKeysetCursor(last) : null };
}

/** Parameters of {@link insertAccountAuditEvent}: an event about one account, not one workspace. */
export type InsertAccountAuditEventParams = Omit<InsertAuditEventParams, "workspaceId"> & {
  /** Whose account it is: by id, or by the email typed into a form (a failed sign-in). */
  account: { userId: string } | { email: string };
};

/**
 * Records an account event (sign-in, sign-out, failed sign-in) in the audit log of every workspace the
 * account belongs to — where that workspace's admins read it — in one statement; an account without a
 * workspace, or an email that matches no account, gets one account-level row (`workspace_id` null),
 * which no workspace lists. So a workspace only ever sees attempts on its own members' accounts, and
 * nothing a client sees depends on whether the email exists. Returns the number of rows written.
 */
export async function insertAccountAuditEvent(
  db: Database,
  params: InsertAccountAuditEventParams,
): Promise<number> {
  const { account, ...event } = params;
  const accountFilter =
    "userId" in account
      ? isUuid(account.userId)
        ? eq(workspaceMembers.userId, account.userId)
        : undefined
      : eq(users.email, account.email.trim().toLowerCase());
  if (accountFilter !== undefined) {
    const actorId = event.actorId !== null && isUuid(event.actorId) ? event.actorId : null;
    const inserted = await db
      .insert(auditLog)
      .select(
        db
          .select({
            id: sql`gen_random_uuid()`.as("id"),
            workspaceId: workspaceMembers.workspaceId,
            actorType: sql`${event.actorType}`.as("actor_type"),
            actorId: sql`${actorId}::uuid`.as("actor_id"),
            action: sql`${event.action}`.as("action"),
            targetType: sql`${event.targetType ?? null}`.as("target_type"),
            targetId: sql`${event.targetId ?? null}`.as("target_id"),
            ip: sql`${event.ip ?? null}`.as("ip"),
            requestId: sql`${event.requestId ?? null}`.as("request_id"),
            metadata: sql`${JSON.stringify(event.metadata ?? {})}::jsonb`.as("metadata"),
            createdAt: sql`now()`.as("created_at"),
          })
          .from(workspaceMembers)
          .innerJoin(users, eq(users.id, workspaceMembers.userId))
          .where(accountFilter),
      )
      .returning({ id: auditLog.id });
    if (inserted.length > 0) return inserted.length;
  }
  await insertAuditEvent(db, { ...event, workspaceId: null });
  return 1;
}
