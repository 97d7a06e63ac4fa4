import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestampTz } from "./columns";
import { workspaces } from "./workspaces";

/**
 * A recorded voice question granted an upload and not yet asked. The row is what makes its bytes
 * count: its declared size is reserved in the stored-bytes quota while the row exists, and the row
 * goes (giving the bytes back) when the question is asked or the stale-upload sweep removes it. `id` is
 * the client-visible upload id (`<hour bucket>-<uuid>`).
 */
export const voiceUploads = pgTable(
  "voice_uploads",
  {
    id: text().primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    storageKey: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    createdAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("voice_uploads_storage_key_key").on(table.storageKey),
    index("voice_uploads_created_at_idx").on(table.createdAt),
    check("voice_uploads_size_non_negative", sql`${table.size} >= 0`),
  ],
);
