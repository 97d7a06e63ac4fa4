import { desc, gt, lte, sql } from "drizzle-orm";
import type { Database } from "../database";
import { mailOutbox } from "../schema";

/** A message held in the outbox instead of being emailed. */
export interface OutboxMessage {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  link: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Most messages {@link listOutboxMessages} returns: the page shows recent mail, not an archive. */
export const outboxPageSize = 100;

const outboxColumns = {
  id: mailOutbox.id,
  toEmail: mailOutbox.toEmail,
  subject: mailOutbox.subject,
  body: mailOutbox.body,
  link: mailOutbox.link,
  createdAt: mailOutbox.createdAt,
  expiresAt: mailOutbox.expiresAt,
};

/**
 * Stores one message and deletes the expired ones in the same transaction, so the table holds live
 * links only and never grows past what was sent within one link lifetime.
 */
export async function insertOutboxMessage(
  db: Database,
  params: { toEmail: string; subject: string; body: string; link: string; expiresAt: Date },
): Promise<OutboxMessage> {
  return db.transaction(async (tx) => {
    await tx.delete(mailOutbox).where(lte(mailOutbox.expiresAt, sql`now()`));
    const [row] = await tx.insert(mailOutbox).values(params).returning(outboxColumns);
    if (row === undefined) throw new Error("insertOutboxMessage: insert returned no row");
    return row;
  });
}

/** Unexpired outbox messages, newest first, at most {@link outboxPageSize}. For instance operators only. */
export async function listOutboxMessages(
  db: Database,
  params: { now?: Date } = {},
): Promise<OutboxMessage[]> {
  return db
    .select(outboxColumns)
    .from(mailOutbox)
    .where(gt(mailOutbox.expiresAt, params.now ?? sql`now()`))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(outboxPageSize);
}
