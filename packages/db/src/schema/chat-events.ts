import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chatSessions } from "./chat-sessions";
import { id } from "./columns";
import { profiles } from "./profiles";
import { sqlInList } from "./roles";
import { shareLinks } from "./share-links";
import { workspaces } from "./workspaces";

/** What an analytics event records. */
export const chatEventTypes = ["asked", "refused", "unanswered", "voice", "session-started"] as const;

/** One of {@link chatEventTypes}. */
export type ChatEventType = (typeof chatEventTypes)[number];

/**
 * Append-only analytics of conversations with a profile (never the question text: that lives in the
 * transcript). Optional session and share link must belong to the same workspace and profile.
 */
export const chatEvents = pgTable(
  "chat_events",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    sessionId: uuid(),
    shareLinkId: uuid(),
    type: text().$type<ChatEventType>().notNull(),
    intent: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("chat_events_share_link_id_created_at_idx").on(table.shareLinkId, table.createdAt),
    index("chat_events_profile_id_created_at_idx").on(table.profileId, table.createdAt),
    index("chat_events_session_id_idx").on(table.sessionId),
    index("chat_events_workspace_id_idx").on(table.workspaceId),
    foreignKey({
      name: "chat_events_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    foreignKey({
      name: "chat_events_session_fk",
      columns: [table.sessionId, table.workspaceId, table.profileId],
      foreignColumns: [chatSessions.id, chatSessions.workspaceId, chatSessions.profileId],
    }).onDelete("cascade"),
    foreignKey({
      name: "chat_events_share_link_fk",
      columns: [table.shareLinkId, table.workspaceId, table.profileId],
      foreignColumns: [shareLinks.id, shareLinks.workspaceId, shareLinks.profileId],
    }).onDelete("cascade"),
    check("chat_events_type_valid", sql.raw(`type in (${sqlInList(chatEventTypes)})`)),
  ],
);
