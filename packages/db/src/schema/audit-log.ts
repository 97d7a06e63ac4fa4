import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { sqlInList } from "./roles";
import { workspaces } from "./workspaces";

/** Who performed an audited action. */
export const auditActorTypes = ["user", "apiKey", "system"] as const;

/** One of {@link auditActorTypes}. */
export type AuditActorType = (typeof auditActorTypes)[number];

/**
 * Append-only record of security-relevant actions. `workspace_id` is null for events outside any
 * workspace (sign-in, sign-up). `created_at` has millisecond precision on purpose: the keyset cursor
 * carries a JavaScript `Date`, which would otherwise drop microseconds and skip rows between pages.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    actorType: text().$type<AuditActorType>().notNull(),
    // A user id or an API key id (per actorType); null for anonymous or system events.
    actorId: uuid(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    requestId: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_workspace_id_created_at_idx").on(
      table.workspaceId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_log_actor_id_idx").on(table.actorId),
    check("audit_log_actor_type_valid", sql.raw(`actor_type in (${sqlInList(auditActorTypes)})`)),
  ],
);
