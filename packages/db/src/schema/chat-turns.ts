import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { chatSessions } from "./chat-sessions";
import { id } from "./columns";
import { profiles } from "./profiles";
import { sqlInList } from "./roles";
import { workspaces } from "./workspaces";

/** How a turn was answered: by the LLM, or by the deterministic basic mode. */
export const chatTurnModes = ["llm", "basic"] as const;

/** One of {@link chatTurnModes}. */
export type ChatTurnMode = (typeof chatTurnModes)[number];

/** How the question arrived: typed, or transcribed from audio. */
export const chatTurnInputs = ["text", "voice"] as const;

/** One of {@link chatTurnInputs}. */
export type ChatTurnInput = (typeof chatTurnInputs)[number];

/**
 * A fact an answer cites: its id and kind (`experience`, `project`, …), its label as shown, and the
 * ranges of the answer it supports (UTF-16 offsets, `end` exclusive). Turns stored before labels and
 * spans were kept have neither.
 */
export interface ChatTurnSource {
  factId: string;
  kind: string;
  label?: string;
  spans?: Array<{ start: number; end: number }>;
}

/**
 * The transcript: one row per question and answer of a session, numbered 1, 2, … by `position` (unique
 * per session). `sources` holds the cited facts (empty: nothing was found), `cards` the rendered cards
 * as the pipeline returned them, `timings` milliseconds per stage.
 */
export const chatTurns = pgTable(
  "chat_turns",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    sessionId: uuid().notNull(),
    profileId: uuid().notNull(),
    position: integer().notNull(),
    question: text().notNull(),
    answer: text().notNull(),
    mode: text().$type<ChatTurnMode>().notNull(),
    fallback: text(),
    intent: text().notNull(),
    refusalCode: text(),
    sources: jsonb().$type<ChatTurnSource[]>().notNull().default(sql`'[]'::jsonb`),
    cards: jsonb().$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    model: text(),
    tokensIn: integer(),
    tokensOut: integer(),
    cacheHit: boolean().notNull().default(false),
    latencyMs: integer().notNull().default(0),
    timings: jsonb().$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    input: text().$type<ChatTurnInput>().notNull().default("text"),
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("chat_turns_session_id_position_key").on(table.sessionId, table.position),
    // Insights per profile over a period.
    index("chat_turns_profile_id_created_at_idx").on(table.profileId, table.createdAt),
    index("chat_turns_workspace_id_idx").on(table.workspaceId),
    foreignKey({
      name: "chat_turns_session_fk",
      columns: [table.sessionId, table.workspaceId, table.profileId],
      foreignColumns: [chatSessions.id, chatSessions.workspaceId, chatSessions.profileId],
    }).onDelete("cascade"),
    foreignKey({
      name: "chat_turns_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
    check("chat_turns_mode_valid", sql.raw(`mode in (${sqlInList(chatTurnModes)})`)),
    check("chat_turns_input_valid", sql.raw(`input in (${sqlInList(chatTurnInputs)})`)),
    check("chat_turns_position_positive", sql`${table.position} >= 1`),
    check(
      "chat_turns_non_negative",
      sql`coalesce(${table.tokensIn}, 0) >= 0 and coalesce(${table.tokensOut}, 0) >= 0 and ${table.latencyMs} >= 0`,
    ),
    check(
      "chat_turns_json_shapes",
      sql`jsonb_typeof(${table.sources}) = 'array' and jsonb_typeof(${table.cards}) = 'array' and jsonb_typeof(${table.timings}) = 'object'`,
    ),
  ],
);
