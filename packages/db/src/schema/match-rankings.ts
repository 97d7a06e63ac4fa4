import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { jobPostings } from "./job-postings";
import { profiles } from "./profiles";
import { sqlInList } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Lifecycle of a ranking: queued → running → succeeded | failed (running → queued between retries). */
export const matchRankingStatuses = ["queued", "running", "succeeded", "failed"] as const;

/** One of {@link matchRankingStatuses}. */
export type MatchRankingStatus = (typeof matchRankingStatuses)[number];

/**
 * One ranking of a workspace's profiles (all of them, or `profile_ids`) against a posting, computed by
 * the `matches.rank-profiles` job. Its id is the job run's id. Deleting the posting deletes its rankings.
 */
export const matchRankings = pgTable(
  "match_rankings",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    postingId: uuid()
      .notNull()
      .references(() => jobPostings.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    // Null: every profile of the workspace at the time the job runs.
    profileIds: uuid().array(),
    status: text().$type<MatchRankingStatus>().notNull().default("queued"),
    total: integer().notNull().default(0),
    scored: integer().notNull().default(0),
    scorerVersion: text().notNull(),
    errorCode: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestampTz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
    finishedAt: timestampTz(),
  },
  (table) => [
    index("match_rankings_workspace_posting_created_idx").on(
      table.workspaceId,
      table.postingId,
      table.createdAt.desc(),
    ),
    index("match_rankings_posting_id_idx").on(table.postingId),
    index("match_rankings_requested_by_idx").on(table.requestedBy),
    check("match_rankings_status_valid", sql.raw(`status in (${sqlInList(matchRankingStatuses)})`)),
    check("match_rankings_counts", sql`${table.scored} >= 0 and ${table.total} >= 0`),
  ],
);

/**
 * One profile's place in a ranking: its score and its top reasons (JSON the API validates when read
 * back). Paged best first by `(score desc, profile_id)`. A deleted profile leaves its rankings.
 */
export const matchRankingResults = pgTable(
  "match_ranking_results",
  {
    rankingId: uuid()
      .notNull()
      .references(() => matchRankings.id, { onDelete: "cascade" }),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    score: integer().notNull(),
    reasons: jsonb().$type<unknown>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.rankingId, table.profileId] }),
    index("match_ranking_results_page_idx").on(table.rankingId, table.score.desc(), table.profileId),
    index("match_ranking_results_profile_id_idx").on(table.profileId),
    index("match_ranking_results_workspace_id_idx").on(table.workspaceId),
    check("match_ranking_results_score_range", sql`${table.score} between 0 and 100`),
  ],
);
