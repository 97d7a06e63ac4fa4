import { sql } from "drizzle-orm";
import { bigint, check, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestampTz } from "./columns";
import { workspaces } from "./workspaces";

/**
 * Monthly usage counters per workspace, one row per `(workspace_id, period)` with `period` `YYYY-MM`
 * (UTC). Updated by a single atomic upsert per increment, never read-modify-write.
 */
export const workspaceUsage = pgTable(
  "workspace_usage",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    period: text().notNull(),
    requests: bigint({ mode: "number" }).notNull().default(0),
    llmTokens: bigint({ mode: "number" }).notNull().default(0),
    storedBytes: bigint({ mode: "number" }).notNull().default(0),
    updatedAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.period] }),
    check("workspace_usage_period_format", sql`${table.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "workspace_usage_non_negative",
      sql`${table.requests} >= 0 and ${table.llmTokens} >= 0 and ${table.storedBytes} >= 0`,
    ),
  ],
);
