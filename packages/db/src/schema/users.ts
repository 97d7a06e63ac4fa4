import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/**
 * People who can sign in (better-auth's `user` model). Emails are stored lower-cased by better-auth,
 * so the unique index on `email` is also case-insensitive in practice. `lastActiveWorkspaceId` is ours
 * (better-auth ignores it): the workspace a new session starts in, since sign-out deletes the session
 * that remembered it. `users_created_at_id_idx` finds the instance's first account (ADR 0010) in one
 * index probe: `auth.me` asks on every call, and without it each call sorted the whole table.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text().notNull(),
    email: text().notNull(),
    emailVerified: boolean().notNull().default(false),
    image: text(),
    lastActiveWorkspaceId: uuid().references(() => workspaces.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("users_email_key").on(table.email),
    index("users_created_at_id_idx").on(table.createdAt, table.id),
  ],
);
