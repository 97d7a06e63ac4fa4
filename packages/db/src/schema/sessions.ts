import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, timestampTz } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Signed-in sessions (better-auth's `session` model). Redis holds the hot copy (`secondaryStorage`);
 * this table is the durable record, so sessions survive a Redis flush and can be listed and revoked.
 * `activeWorkspaceId` is better-auth's `activeOrganizationId`, re-checked against membership per request.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    token: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeWorkspaceId: uuid().references(() => workspaces.id, { onDelete: "set null" }),
    expiresAt: timestampTz().notNull(),
    ipAddress: text(),
    userAgent: text(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("sessions_token_key").on(table.token),
    index("sessions_user_id_idx").on(table.userId),
  ],
);
