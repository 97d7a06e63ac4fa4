import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { profiles } from "./profiles";
import { sqlInList } from "./roles";
import { shareLinks } from "./share-links";
import { workspaces } from "./workspaces";

/** Who a chat session acts for: a signed-in user, an API key, or an anonymous visitor of a share link. */
export const chatPrincipalKinds = ["user", "apiKey", "share"] as const;

/** One of {@link chatPrincipalKinds}. */
export type ChatPrincipalKind = (typeof chatPrincipalKinds)[number];

/**
 * One conversation with one profile. `principal_id` is the user id, API key id or share link id (then
 * also in `share_link_id`). `turn_count` is the position of the last turn: appending a turn increments it
 * under the row lock, which is what keeps concurrent appends from sharing a position.
 */
export const chatSessions = pgTable(
  "chat_sessions",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    principalKind: text().$type<ChatPrincipalKind>().notNull(),
    principalId: uuid().notNull(),
    shareLinkId: uuid(),
    turnCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    lastActiveAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    // Composite key target: turns and events prove they share the session's workspace and profile.
    unique("chat_sessions_id_workspace_id_profile_id_key").on(table.id, table.workspaceId, table.profileId),
    index("chat_sessions_workspace_id_profile_id_idx").on(table.workspaceId, table.profileId),
    index("chat_sessions_share_link_id_idx").on(table.shareLinkId),
    foreignKey({
      name: "chat_sessions_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    // A share session can only use a link of its own workspace and profile.
    foreignKey({
      name: "chat_sessions_share_link_fk",
      columns: [table.shareLinkId, table.workspaceId, table.profileId],
      foreignColumns: [shareLinks.id, shareLinks.workspaceId, shareLinks.profileId],
    }).onDelete("cascade"),
    check(
      "chat_sessions_principal_kind_valid",
      sql.raw(`principal_kind in (${sqlInList(chatPrincipalKinds)})`),
    ),
    check(
      "chat_sessions_share_principal",
      sql`(${table.principalKind} = 'share') = (${table.shareLinkId} is not null) and (${table.shareLinkId} is null or ${table.shareLinkId} = ${table.principalId})`,
    ),
    check("chat_sessions_turn_count_non_negative", sql`${table.turnCount} >= 0`),
  ],
);
