import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Workspace API keys (`vk_<prefix>_<secret>`). Only the SHA-256 `hash` of the whole key is stored; the
 * public `prefix` finds the row. A key acts for its creator within `scopes`, in its workspace only.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    hash: text().notNull(),
    scopes: text().array().notNull(),
    expiresAt: timestampTz(),
    revokedAt: timestampTz(),
    // Written at most once a minute per key (see touchApiKeyUsed), never on every request.
    lastUsedAt: timestampTz(),
    createdAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("api_keys_prefix_key").on(table.prefix),
    index("api_keys_workspace_id_created_at_idx").on(table.workspaceId, table.createdAt.desc().nullsFirst()),
    index("api_keys_created_by_idx").on(table.createdBy),
    check("api_keys_hash_length", sql`length(${table.hash}) = 64`),
  ],
);
