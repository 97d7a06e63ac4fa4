import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, tsvector } from "./columns";
import { profiles } from "./profiles";
import { technologies } from "./technologies";
import { workspaces } from "./workspaces";

/**
 * Skills of a profile, in résumé order. `technology_id` links a skill the taxonomy knows to the global
 * catalogue; an unknown skill is kept with `technology_id` null rather than dropped. `search` uses the
 * `simple` configuration: skill names are identifiers ("Go", "Node.js"), which English stemming and stop
 * words would mangle ("go" is a stop word).
 */
export const profileSkills = pgTable(
  "profile_skills",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    technologyId: uuid().references(() => technologies.id, { onDelete: "set null" }),
    position: integer().notNull(),
    name: text().notNull(),
    category: text().notNull(),
    raw: text().notNull(),
    ...timestamps,
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(sql.raw("to_tsvector('simple'::regconfig, name || ' ' || raw)")),
  },
  (table) => [
    index("profile_skills_profile_id_position_idx").on(table.profileId, table.position),
    index("profile_skills_workspace_id_idx").on(table.workspaceId),
    index("profile_skills_technology_id_idx").on(table.technologyId),
    index("profile_skills_search_idx").using("gin", table.search),
    foreignKey({
      name: "profile_skills_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
  ],
);
