import { index, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";

/**
 * Messages the product would have emailed when no SMTP server is configured (embedded mode, a single
 * machine). Instance operators read them on the Outbox page, so nobody is locked out of email
 * verification. A row holds a live link (a bearer credential until `expires_at`): only operators may
 * list them, and rows are deleted once expired.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    toEmail: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** The one link the message carries (e.g. the email-verification URL). */
    link: text().notNull(),
    createdAt: timestampTz().notNull().defaultNow(),
    expiresAt: timestampTz().notNull(),
  },
  (table) => [index("mail_outbox_created_at_idx").on(table.createdAt.desc())],
);
