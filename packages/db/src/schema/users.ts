import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

/**
 * People who can sign in (better-auth's `user` model). Emails are stored lower-cased by better-auth,
 * so the unique index on `email` is also case-insensitive in practice.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text().notNull(),
    email: text().notNull(),
    emailVerified: boolean().notNull().default(false),
    image: text(),
    ...timestamps,
  },
  (table) => [uniqueIndex("users_email_key").on(table.email)],
);
