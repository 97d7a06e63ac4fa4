import { type MatchLlmFallback, matchLlmFallbacks } from "@vitae/contracts";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, timestampTz } from "./columns";
import { jobPostings } from "./job-postings";
import { profiles } from "./profiles";
import { sqlInList } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Lifecycle of a tailoring: queued → running → ready (changes proposed and verified) → confirmed (a new
 * profile version exists), or failed.
 */
export const tailoringStatuses = ["queued", "running", "ready", "confirmed", "failed"] as const;

/** One of {@link tailoringStatuses}. */
export type TailoringStatus = (typeof tailoringStatuses)[number];

/** How changes were generated: `deterministic` reorders and shortens; `llm` may also rephrase. */
export const tailoringModes = ["deterministic", "llm"] as const;

/** One of {@link tailoringModes}. */
export type TailoringMode = (typeof tailoringModes)[number];

/**
 * Changes proposed to fit profile `profile_id` to posting `posting_id`, computed by the
 * `tailoring.propose-changes` job (its id is the run's id). `base_hash` fingerprints the profile the
 * changes were proposed against; `changes` (with each one's score delta) and `rejected` are stored JSON
 * the API validates when read back. Confirming creates a new profile version (`result_profile_id`).
 */
export const tailorings = pgTable(
  "tailorings",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    postingId: uuid()
      .notNull()
      .references(() => jobPostings.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    status: text().$type<TailoringStatus>().notNull().default("queued"),
    mode: text().$type<TailoringMode>().notNull().default("deterministic"),
    // Why an LLM tailoring ended in deterministic mode (`mode` is then "deterministic").
    fallback: text().$type<MatchLlmFallback>(),
    baseHash: text(),
    changes: jsonb().$type<unknown[]>(),
    rejected: jsonb().$type<unknown[]>(),
    sectionOrder: text().array(),
    scoreBefore: integer(),
    scoreAfter: integer(),
    resultProfileId: uuid().references(() => profiles.id, { onDelete: "set null" }),
    errorCode: text(),
    ...timestamps,
    confirmedAt: timestampTz(),
  },
  (table) => [
    index("tailorings_workspace_id_idx").on(table.workspaceId),
    index("tailorings_profile_id_idx").on(table.profileId),
    index("tailorings_posting_id_idx").on(table.postingId),
    index("tailorings_requested_by_idx").on(table.requestedBy),
    index("tailorings_result_profile_id_idx").on(table.resultProfileId),
    // A tailoring goes with the profile it tailors (and can only name one of its own workspace).
    foreignKey({
      name: "tailorings_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    check("tailorings_status_valid", sql.raw(`status in (${sqlInList(tailoringStatuses)})`)),
    check("tailorings_mode_valid", sql.raw(`mode in (${sqlInList(tailoringModes)})`)),
    check(
      "tailorings_fallback_valid",
      sql.raw(`fallback is null or fallback in (${sqlInList(matchLlmFallbacks)})`),
    ),
  ],
);
