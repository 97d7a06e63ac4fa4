import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, tsvector, weightedText, weightedTextArray } from "./columns";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/** Project facts of a profile, in résumé order. Searchable: name weighs A, description B, technologies C. */
export const projects = pgTable(
  "projects",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    position: integer().notNull(),
    name: text().notNull(),
    description: text(),
    url: text(),
    technologies: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          [
            weightedText("name", "A"),
            weightedText("description", "B"),
            weightedTextArray("technologies", "C"),
          ].join(" || "),
        ),
      ),
  },
  (table) => [
    index("projects_profile_id_position_idx").on(table.profileId, table.position),
    index("projects_workspace_id_idx").on(table.workspaceId),
    index("projects_search_idx").using("gin", table.search),
    foreignKey({
      name: "projects_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
  ],
);
