import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** A confirmed column → field pair of a remembered mapping (`field` null: the column is left out). */
export interface RememberedColumn {
  column: string;
  field: string | null;
}

/** A header an operator mapped onto a field by hand: reused as an alias for other files. */
export interface LearnedAlias {
  header: string;
  field: string;
}

/**
 * Mappings an operator confirmed, per workspace and entity, keyed by `@vitae/tabular`'s header
 * fingerprint (order-, case- and spacing-independent): a file with the same header set is mapped from
 * here at confidence 1, and the learned aliases help files whose headers differ.
 */
export const mappingMemory = pgTable(
  "mapping_memory",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entity: text().notNull(),
    headerFingerprint: text().notNull(),
    mapping: jsonb().$type<RememberedColumn[]>().notNull(),
    learnedAliases: jsonb().$type<LearnedAlias[]>().notNull().default(sql`'[]'::jsonb`),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("mapping_memory_workspace_entity_fingerprint_key").on(
      table.workspaceId,
      table.entity,
      table.headerFingerprint,
    ),
  ],
);
