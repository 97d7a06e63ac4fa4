import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { profiles } from "./profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Public links to ask one profile questions anonymously. The token (`vs_<43 base64url chars>`) is shown
 * once at creation; only its SHA-256 (`token_hash`, hex) is stored, and the unique index on it is how a
 * visitor's token finds its link. A link dies with its profile; revoking keeps the row for insights.
 * Every link expires (`expires_at` is required), and the owner's contact details (email, phone, links)
 * reach visitors only when `show_contact` is on — off unless the creator turns it on.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    // The link belongs to the workspace, not its creator: it survives the user's deletion.
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    tokenHash: text().notNull(),
    label: text(),
    // Millisecond precision so listings order exactly like the values clients receive.
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestampTz(),
    expiresAt: timestampTz().notNull(),
    showContact: boolean().notNull().default(false),
    // Written at most once a minute per link (see touchShareLinkUsed), never on every request.
    lastUsedAt: timestampTz(),
  },
  (table) => [
    uniqueIndex("share_links_token_hash_key").on(table.tokenHash),
    // Composite key target: sessions and events prove they share the link's workspace and profile.
    unique("share_links_id_workspace_id_profile_id_key").on(table.id, table.workspaceId, table.profileId),
    index("share_links_workspace_id_profile_id_created_at_idx").on(
      table.workspaceId,
      table.profileId,
      table.createdAt.desc().nullsFirst(),
    ),
    index("share_links_created_by_idx").on(table.createdBy),
    foreignKey({
      name: "share_links_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    check("share_links_token_hash_format", sql`${table.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
