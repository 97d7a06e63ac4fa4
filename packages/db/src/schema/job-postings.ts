import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Job postings pasted into a workspace, with the requirements extracted from the whole text when the
 * posting was created. `requirements` is the extractor's output as it was (validated by the API with
 * `@vitae/matching`'s `requirementSchema` when read back); `extractor_version` names the extraction that
 * produced it, so a posting extracted by an older version can be told apart.
 */
export const jobPostings = pgTable(
  "job_postings",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The posting belongs to the workspace, not its creator: it survives the user's deletion.
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text(),
    company: text(),
    text: text().notNull(),
    requirements: jsonb().$type<unknown[]>().notNull(),
    extractorVersion: text().notNull(),
    // Millisecond precision so listings order exactly like the values clients receive (keyset cursors).
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestampTz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (table) => [
    index("job_postings_workspace_id_created_at_idx").on(
      table.workspaceId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("job_postings_created_by_idx").on(table.createdBy),
    check("job_postings_requirements_array", sql`jsonb_typeof(${table.requirements}) = 'array'`),
  ],
);
