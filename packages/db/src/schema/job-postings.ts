import { type MatchLlmFallback, type MatchMode, matchLlmFallbacks, matchModes } from "@vitae/contracts";
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { sqlInList } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Job postings pasted into a workspace, with the requirements extracted from the whole text when the
 * posting was created. `requirements` is the extractor's output as it was (validated by the API with
 * `@vitae/matching`'s `requirementSchema` when read back); `extractor_version` names the extraction that
 * produced it, so a posting extracted by an older version can be told apart. `extraction_mode` says
 * whether the LLM's grounded requirements were added; `extraction_fallback` why an LLM-configured
 * extraction stayed deterministic.
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
    extractionMode: text().$type<MatchMode>().notNull().default("deterministic"),
    extractionFallback: text().$type<MatchLlmFallback>(),
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
    check("job_postings_extraction_mode_valid", sql.raw(`extraction_mode in (${sqlInList(matchModes)})`)),
    check(
      "job_postings_extraction_fallback_valid",
      sql.raw(`extraction_fallback is null or extraction_fallback in (${sqlInList(matchLlmFallbacks)})`),
    ),
  ],
);
