import { index, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, timestampTz } from "./columns";

/** Short-lived verification values (better-auth's `verification` model: email verification, resets). */
export const verifications = pgTable(
  "verifications",
  {
    id: id(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestampTz().notNull(),
    ...timestamps,
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);
