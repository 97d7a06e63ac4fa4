import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps, tsvector, weightedText } from "./columns";
import { documents } from "./documents";
import { sqlInList } from "./roles";
import { workspaces } from "./workspaces";

/** Which parser produced a profile. */
export const profileParsers = ["heuristic", "llm"] as const;

/** One of {@link profileParsers}. */
export type ProfileParser = (typeof profileParsers)[number];

/**
 * The structured résumé parsed from one document (at most one per document; re-parsing replaces it).
 * Facts live in `experiences`, `education`, `projects` and `profile_skills`; spoken languages and the
 * list sections (certifications, awards, publications, volunteering) are columns of the profile.
 */
export const profiles = pgTable(
  "profiles",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    documentId: uuid().notNull(),
    name: text(),
    headline: text(),
    summary: text(),
    email: text(),
    phone: text(),
    location: text(),
    links: text().array().notNull().default(sql`'{}'::text[]`),
    /** Spoken languages as the résumé writes them: `[{ name, level }]`, level null when none is given. */
    spokenLanguages: jsonb()
      .$type<Array<{ name: string; level: string | null }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // One entry per line of each résumé section, as written.
    certifications: text().array().notNull().default(sql`'{}'::text[]`),
    awards: text().array().notNull().default(sql`'{}'::text[]`),
    publications: text().array().notNull().default(sql`'{}'::text[]`),
    volunteering: text().array().notNull().default(sql`'{}'::text[]`),
    parser: text().$type<ProfileParser>().notNull(),
    parserVersion: text().notNull(),
    ...timestamps,
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `${weightedText("name", "A")} || ${weightedText("headline", "B")} || ${weightedText("summary", "C")}`,
        ),
      ),
  },
  (table) => [
    uniqueIndex("profiles_document_id_key").on(table.documentId),
    // Composite key target so every fact row provably shares its profile's workspace.
    unique("profiles_id_workspace_id_key").on(table.id, table.workspaceId),
    index("profiles_workspace_id_idx").on(table.workspaceId),
    index("profiles_search_idx").using("gin", table.search),
    // (document_id, workspace_id): a profile can only point at a document of its own workspace.
    foreignKey({
      name: "profiles_document_fk",
      columns: [table.documentId, table.workspaceId],
      foreignColumns: [documents.id, documents.workspaceId],
    }).onDelete("cascade"),
    check("profiles_parser_valid", sql.raw(`parser in (${sqlInList(profileParsers)})`)),
  ],
);
