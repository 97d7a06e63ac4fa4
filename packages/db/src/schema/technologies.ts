import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

/**
 * The global technology catalogue (not a tenant table): canonical names from `@vitae/taxonomy`, upserted
 * by `saveProfile`. Only names the taxonomy knows are written here, so one tenant's free text never
 * becomes visible to another through this table.
 */
export const technologies = pgTable(
  "technologies",
  {
    id: id(),
    name: text().notNull(),
    category: text().notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex("technologies_name_key").on(table.name)],
);
