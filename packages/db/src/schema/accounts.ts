import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, timestampTz } from "./columns";
import { users } from "./users";

/**
 * Credentials of a user (better-auth's `account` model): for email + password, `providerId` is
 * `credential` and `password` holds the scrypt hash. Never select `password` or the token columns
 * outside better-auth.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestampTz(),
    refreshTokenExpiresAt: timestampTz(),
    scope: text(),
    password: text(),
    ...timestamps,
  },
  (table) => [
    index("accounts_user_id_idx").on(table.userId),
    uniqueIndex("accounts_provider_id_account_id_key").on(table.providerId, table.accountId),
  ],
);
