import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { workspaces } from "./workspaces";

/**
 * One row per LLM call (append-only): what ran, with which prompt version, what it cost and how it
 * ended. `workspace_id` is null for calls made outside any workspace (e.g. system jobs).
 */
export const llmUsage = pgTable(
  "llm_usage",
  {
    id: id(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    operation: text().notNull(),
    model: text().notNull(),
    promptId: text(),
    promptVersion: integer(),
    // Null when the provider did not report usage (audio endpoints, most streams); 0 for cache hits.
    tokensIn: integer(),
    tokensOut: integer(),
    latencyMs: integer().notNull().default(0),
    cached: boolean().notNull().default(false),
    outcome: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("llm_usage_workspace_id_created_at_idx").on(table.workspaceId, table.createdAt),
    check(
      "llm_usage_non_negative",
      sql`coalesce(${table.tokensIn}, 0) >= 0 and coalesce(${table.tokensOut}, 0) >= 0 and ${table.latencyMs} >= 0`,
    ),
  ],
);
