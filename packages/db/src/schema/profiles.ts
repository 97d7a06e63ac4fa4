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
 * Where a profile came from: `parsed` from its document (at most one per document; re-parsing replaces
 * it), or `tailored` — a new version confirmed from a tailoring, linked to its parent, never replaced.
 */
export const profileSources = ["parsed", "tailored"] as const;

/** One of {@link profileSources}. */
export type ProfileSource = (typeof profileSources)[number];

/**
 * The structured résumé of one document: the one parsed from it (`source = 'parsed'`, at most one per
 * document; re-parsing replaces it) and any tailored versions confirmed from it (`tailored`, linked to
 * their parent, kept across re-parses). Facts live in `experiences`, `education`, `projects` and
 * `profile_skills`; spoken languages and the list sections (certifications, awards, publications,
 * volunteering) are columns of the profile.
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
    source: text().$type<ProfileSource>().notNull().default("parsed"),
    // The version this one was tailored from; null for a parsed profile, or once the parent is re-parsed
    // or deleted (the version keeps its content, only the link goes).
    parentProfileId: uuid(),
    // The tailoring confirmed into this version (unique: a tailoring is confirmed once).
    tailoringId: uuid(),
    // Section order chosen by tailoring (`@vitae/matching` section names); null: the default order.
    sectionOrder: text().array(),
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
    uniqueIndex("profiles_document_parsed_key").on(table.documentId).where(sql`source = 'parsed'`),
    uniqueIndex("profiles_tailoring_id_key").on(table.tailoringId),
    index("profiles_document_id_idx").on(table.documentId),
    index("profiles_parent_profile_id_idx").on(table.parentProfileId),
    foreignKey({
      name: "profiles_parent_fk",
      columns: [table.parentProfileId],
      foreignColumns: [table.id],
    }).onDelete("set null"),
    // Composite key target so every fact row provably shares its profile's workspace.
    unique("profiles_id_workspace_id_key").on(table.id, table.workspaceId),
    index("profiles_workspace_id_idx").on(table.workspaceId),
    index("profiles_search_idx").using("gin", table.search),
    // The same person uploaded twice: parsed profiles of one workspace sharing an email (case-insensitive).
    index("profiles_workspace_id_email_idx")
      .on(table.workspaceId, sql`lower(${table.email})`)
      .where(sql`source = 'parsed' and email is not null`),
    // (document_id, workspace_id): a profile can only point at a document of its own workspace.
    foreignKey({
      name: "profiles_document_fk",
      columns: [table.documentId, table.workspaceId],
      foreignColumns: [documents.id, documents.workspaceId],
    }).onDelete("cascade"),
    check("profiles_parser_valid", sql.raw(`parser in (${sqlInList(profileParsers)})`)),
    check("profiles_source_valid", sql.raw(`source in (${sqlInList(profileSources)})`)),
    check(
      "profiles_parsed_has_no_parent",
      sql.raw("source = 'tailored' or (parent_profile_id is null and tailoring_id is null)"),
    ),
  ],
);
