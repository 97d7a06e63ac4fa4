import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { sqlInList, type WorkspacePlan, workspacePlans } from "./roles";

/** Tenants (better-auth's `organization` model). Every tenant row elsewhere carries `workspace_id`. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    logo: text(),
    // better-auth stores organization metadata as a JSON string.
    metadata: text(),
    plan: text().$type<WorkspacePlan>().notNull().default("free"),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("workspaces_slug_key").on(table.slug),
    check("workspaces_plan_valid", sql.raw(`plan in (${sqlInList(workspacePlans)})`)),
  ],
);
