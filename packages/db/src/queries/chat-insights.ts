import { and, desc, eq, gte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { chatSessions, chatTurns } from "../schema";
import { isUuid } from "./ids";
import { pageLimit } from "./keyset-cursor";

/** Whose conversations an insight covers: one share link's visitors, or everyone asking about a profile. */
export type ChatInsightsScope =
  | { workspaceId: string; shareLinkId: string; profileId?: undefined }
  | { workspaceId: string; profileId: string; shareLinkId?: undefined };

/** Parameters of {@link topQuestions} and {@link unansweredQuestions}. */
export type ChatInsightsParams = ChatInsightsScope & {
  /** Only turns asked at or after this instant (omitted: all time). */
  since?: Date | undefined;
  /** How many rows: topQuestions 1–50 (default 10), unansweredQuestions 1–100 (default 20). */
  limit?: number | undefined;
};

/** A question as visitors asked it, normalised, with how often. */
export interface TopQuestion {
  /** Lower-cased, trimmed, runs of whitespace collapsed to one space. */
  question: string;
  count: number;
  lastAskedAt: Date;
}

/** A turn the pipeline could not answer from the profile: refused, or no fact found. */
export interface UnansweredQuestion {
  turnId: string;
  sessionId: string;
  question: string;
  intent: string;
  /** Set when the question was refused; `null` when it was answered without any source. */
  refusalCode: string | null;
  createdAt: Date;
}

/** Default and maximum row counts of the insight queries. */
export const chatInsightsLimits = {
  topQuestions: { default: 10, max: 50 },
  unansweredQuestions: { default: 20, max: 100 },
} as const;

// No bound parameters inside, so the select and group-by expressions are textually identical.
const normalizedQuestion = sql<string>`btrim(regexp_replace(lower(${chatTurns.question}), '\\s+', ' ', 'g'))`;

/** Tenant and scope conditions on `chat_turns` (joined with its session), or `undefined` for bad ids. */
function scopeConditions(params: ChatInsightsParams): SQL[] | undefined {
  if (!isUuid(params.workspaceId)) return undefined;
  const conditions: SQL[] = [eq(chatTurns.workspaceId, params.workspaceId)];
  if (params.shareLinkId !== undefined) {
    if (!isUuid(params.shareLinkId)) return undefined;
    conditions.push(eq(chatSessions.shareLinkId, params.shareLinkId));
  } else {
    if (!isUuid(params.profileId)) return undefined;
    conditions.push(eq(chatTurns.profileId, params.profileId));
  }
  if (params.since !== undefined) conditions.push(gte(chatTurns.createdAt, params.since));
  return conditions;
}

/**
 * The most asked questions in a scope, most frequent first (ties: most recently asked first), grouped
 * by normalised text. Another workspace's share link or profile, and malformed ids, give `[]`. Throws
 * `AppError("BAD_REQUEST")` for a limit outside 1–50.
 */
export async function topQuestions(db: Database, params: ChatInsightsParams): Promise<TopQuestion[]> {
  const limits = chatInsightsLimits.topQuestions;
  const limit = pageLimit(params.limit, limits.default, limits.max);
  const conditions = scopeConditions(params);
  if (conditions === undefined) return [];
  const count = sql<number>`count(*)`.mapWith(Number);
  const lastAskedAt = sql<Date>`max(${chatTurns.createdAt})`.mapWith(chatTurns.createdAt);
  return db
    .select({ question: normalizedQuestion, count, lastAskedAt })
    .from(chatTurns)
    .innerJoin(chatSessions, eq(chatSessions.id, chatTurns.sessionId))
    .where(and(...conditions, sql`${normalizedQuestion} <> ''`))
    .groupBy(normalizedQuestion)
    .orderBy(desc(count), desc(lastAskedAt), normalizedQuestion)
    .limit(limit);
}

/**
 * Turns in a scope that were refused or cited no fact, newest first — what the profile could not
 * answer. Another workspace's share link or profile, and malformed ids, give `[]`. Throws
 * `AppError("BAD_REQUEST")` for a limit outside 1–100.
 */
export async function unansweredQuestions(
  db: Database,
  params: ChatInsightsParams,
): Promise<UnansweredQuestion[]> {
  const limits = chatInsightsLimits.unansweredQuestions;
  const limit = pageLimit(params.limit, limits.default, limits.max);
  const conditions = scopeConditions(params);
  if (conditions === undefined) return [];
  const unanswered = or(
    sql`${chatTurns.refusalCode} is not null`,
    sql`jsonb_array_length(${chatTurns.sources}) = 0`,
  );
  return db
    .select({
      turnId: chatTurns.id,
      sessionId: chatTurns.sessionId,
      question: chatTurns.question,
      intent: chatTurns.intent,
      refusalCode: chatTurns.refusalCode,
      createdAt: chatTurns.createdAt,
    })
    .from(chatTurns)
    .innerJoin(chatSessions, eq(chatSessions.id, chatTurns.sessionId))
    .where(and(...conditions, unanswered))
    .orderBy(desc(chatTurns.createdAt), desc(chatTurns.id))
    .limit(limit);
}
