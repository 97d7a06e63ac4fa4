import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, monthDate, timestamps, tsvector, weightedText } from "./columns";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/** Education facts of a profile, in résumé order. Searchable: school weighs A, degree and field B. */
export const education = pgTable(
  "education",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    position: integer().notNull(),
    school: text().notNull(),
    degree: text(),
    field: text(),
    startMonth: monthDate(),
    endMonth: monthDate(),
    ...timestamps,
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          [weightedText("school", "A"), weightedText("degree", "B"), weightedText("field", "B")].join(" || "),
        ),
      ),
  },
  (table) => [
    index("education_profile_id_position_idx").on(table.profileId, table.position),
    index("education_workspace_id_idx").on(table.workspaceId),
    index("education_search_idx").using("gin", table.search),
    foreignKey({
      name: "education_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    check(
      "education_months_first_of_month",
      sql`extract(day from ${table.startMonth}) = 1 and extract(day from ${table.endMonth}) = 1`,
    ),
  ],
);
