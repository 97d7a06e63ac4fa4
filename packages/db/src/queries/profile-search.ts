import { AppError } from "@vitae/errors";
import { and, desc, eq, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Database } from "../database";
import { education, experiences, projects } from "../schema";
import { textArrayToStringFunction } from "../schema/columns";
import { isUuid } from "./ids";

/** The kinds of profile facts that are full-text searchable. */
export type SearchableFactKind = "experience" | "education" | "project";

/** One ranked fact matching a search. */
export interface ProfileFactHit {
  kind: SearchableFactKind;
  /** The fact's id (as in `ProfileView`). */
  id: string;
  /** `ts_rank` of the fact's weighted vector; higher is better, comparable within one search. */
  rank: number;
  /** Plain-text excerpt around the matching words (no highlight markup). */
  snippet: string;
}

/** Parameters of {@link searchProfileFacts}. */
export interface SearchProfileFactsParams {
  workspaceId: string;
  profileId: string;
  /** Free text in web-search syntax (`"exact phrase"`, `-exclude`, `or`); never raises on odd input. */
  query: string;
  /** Maximum hits, 1–50 (default 10). */
  limit?: number | undefined;
}

/** Default and maximum numbers of hits of {@link searchProfileFacts}. */
export const profileSearchLimit = { default: 10, max: 50 } as const;

const arrayText = (column: unknown) => sql`${sql.raw(textArrayToStringFunction)}(${column})`;

/**
 * The facts of profile `profileId` (experiences, education, projects) matching `query`, best first. Uses
 * `websearch_to_tsquery('english', …)` against each fact's generated, weighted `search` vector (company /
 * title / school / project name weigh most, then bullets and descriptions, then technologies), so a
 * matching bullet outranks a matching technology tag. Snippets are computed for the returned hits only.
 * Another workspace's profile, a malformed id or a query without searchable words yields `[]`. Throws
 * `AppError("BAD_REQUEST")` for a limit outside 1–50. Used by the Ask pipeline for grounding.
 */
export async function searchProfileFacts(
  db: Database,
  params: SearchProfileFactsParams,
): Promise<ProfileFactHit[]> {
  const limit = params.limit ?? profileSearchLimit.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > profileSearchLimit.max) {
    throw new AppError("BAD_REQUEST", {
      message: `The limit must be between 1 and ${profileSearchLimit.max}.`,
    });
  }
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return [];
  const query = sql`websearch_to_tsquery('english'::regconfig, ${params.query})`;

  const experienceHits = db
    .select({
      kind: sql<SearchableFactKind>`'experience'::text`.as("kind"),
      id: experiences.id,
      rank: sql<number>`ts_rank(${experiences.search}, ${query})`.as("rank"),
      body: sql<string>`${experiences.title} || ' — ' || ${experiences.company} || '. ' || ${arrayText(experiences.bullets)}`.as(
        "body",
      ),
    })
    .from(experiences)
    .where(
      and(
        eq(experiences.workspaceId, params.workspaceId),
        eq(experiences.profileId, params.profileId),
        sql`${experiences.search} @@ ${query}`,
      ),
    );
  const educationHits = db
    .select({
      kind: sql<SearchableFactKind>`'education'::text`.as("kind"),
      id: education.id,
      rank: sql<number>`ts_rank(${education.search}, ${query})`.as("rank"),
      body: sql<string>`concat_ws(', ', ${education.school}, ${education.degree}, ${education.field})`.as(
        "body",
      ),
    })
    .from(education)
    .where(
      and(
        eq(education.workspaceId, params.workspaceId),
        eq(education.profileId, params.profileId),
        sql`${education.search} @@ ${query}`,
      ),
    );
  const projectHits = db
    .select({
      kind: sql<SearchableFactKind>`'project'::text`.as("kind"),
      id: projects.id,
      rank: sql<number>`ts_rank(${projects.search}, ${query})`.as("rank"),
      body: sql<string>`concat_ws('. ', ${projects.name}, ${projects.description}, ${arrayText(projects.technologies)})`.as(
        "body",
      ),
    })
    .from(projects)
    .where(
      and(
        eq(projects.workspaceId, params.workspaceId),
        eq(projects.profileId, params.profileId),
        sql`${projects.search} @@ ${query}`,
      ),
    );

  const top = unionAll(experienceHits, educationHits, projectHits)
    .orderBy(desc(sql`rank`), sql`kind`, sql`id`)
    .limit(limit)
    .as("top");
  const rows = await db
    .select({
      kind: top.kind,
      id: top.id,
      rank: top.rank,
      snippet: sql<string>`ts_headline('english'::regconfig, ${top.body}, ${query}, 'MaxFragments=2, MaxWords=30, MinWords=8, StartSel="", StopSel=""')`,
    })
    .from(top)
    .orderBy(desc(top.rank), top.kind, top.id);
  return rows.map((row) => ({ kind: row.kind, id: row.id, rank: Number(row.rank), snippet: row.snippet }));
}

/** One ranked fact of {@link rankProfileFacts}: no snippet. */
export type RankedFact = Omit<ProfileFactHit, "snippet">;

function prepareRankProfileFacts(db: Database) {
  // Named and prepared: the Ask pipeline runs it on most questions. No ts_headline (the pipeline needs the
  // order only, and snippets are the costliest part of a search).
  const query = sql`websearch_to_tsquery('english'::regconfig, ${sql.placeholder("query")})`;
  const workspaceId = sql`${sql.placeholder("workspaceId")}::uuid`;
  const profileId = sql`${sql.placeholder("profileId")}::uuid`;
  const hitsOf = (kind: SearchableFactKind, table: typeof experiences | typeof education | typeof projects) =>
    db
      .select({
        kind: sql<SearchableFactKind>`${kind}::text`.as("kind"),
        id: table.id,
        rank: sql<number>`ts_rank(${table.search}, ${query})`.as("rank"),
      })
      .from(table)
      .where(
        and(
          eq(table.workspaceId, workspaceId),
          eq(table.profileId, profileId),
          sql`${table.search} @@ ${query}`,
        ),
      );
  return unionAll(
    hitsOf("experience", experiences),
    hitsOf("education", education),
    hitsOf("project", projects),
  )
    .orderBy(desc(sql`rank`), sql`kind`, sql`id`)
    .limit(sql.placeholder("limit"))
    .prepare("vitae_rank_profile_facts");
}

const preparedRankProfileFacts = new WeakMap<Database, ReturnType<typeof prepareRankProfileFacts>>();

/**
 * The ranking of {@link searchProfileFacts} (same vectors, same query syntax, same order) without
 * snippets, as one prepared statement: for callers that need which facts match and how well, not what
 * to show. Same guarantees on odd input, ids and limits.
 */
export async function rankProfileFacts(
  db: Database,
  params: SearchProfileFactsParams,
): Promise<RankedFact[]> {
  const limit = params.limit ?? profileSearchLimit.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > profileSearchLimit.max) {
    throw new AppError("BAD_REQUEST", {
      message: `The limit must be between 1 and ${profileSearchLimit.max}.`,
    });
  }
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return [];
  let prepared = preparedRankProfileFacts.get(db);
  if (prepared === undefined) {
    prepared = prepareRankProfileFacts(db);
    preparedRankProfileFacts.set(db, prepared);
  }
  const rows = await prepared.execute({
    query: params.query,
    workspaceId: params.workspaceId,
    profileId: params.profileId,
    limit,
  });
  return rows.map((row) => ({ kind: row.kind, id: row.id, rank: Number(row.rank) }));
}
