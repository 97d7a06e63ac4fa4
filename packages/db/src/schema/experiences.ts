import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, monthDate, timestamps, tsvector, weightedText, weightedTextArray } from "./columns";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/**
 * Work experience facts of a profile, in résumé order (`position`). A current role has `is_current` and
 * no `end_month`. Searchable: company and title weigh A, bullets B, location and technologies C.
 */
export const experiences = pgTable(
  "experiences",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    position: integer().notNull(),
    company: text().notNull(),
    title: text().notNull(),
    startMonth: monthDate(),
    endMonth: monthDate(),
    isCurrent: boolean().notNull().default(false),
    location: text(),
    bullets: text().array().notNull().default(sql`'{}'::text[]`),
    technologies: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          [
            weightedText("company", "A"),
            weightedText("title", "A"),
            weightedTextArray("bullets", "B"),
            weightedText("location", "C"),
            weightedTextArray("technologies", "C"),
          ].join(" || "),
        ),
      ),
  },
  (table) => [
    index("experiences_profile_id_position_idx").on(table.profileId, table.position),
    index("experiences_workspace_id_idx").on(table.workspaceId),
    index("experiences_search_idx").using("gin", table.search),
    foreignKey({
      name: "experiences_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    check(
      "experiences_months_first_of_month",
      sql`extract(day from ${table.startMonth}) = 1 and extract(day from ${table.endMonth}) = 1`,
    ),
    check("experiences_current_has_no_end", sql`not (${table.isCurrent} and ${table.endMonth} is not null)`),
  ],
);
