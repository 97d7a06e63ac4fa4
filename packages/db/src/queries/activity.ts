import { AppError } from "@vitae/errors";
import { and, asc, eq, gte, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { chatSessions, chatTurns, documents, workspaceUsage } from "../schema";
import type { DocumentStatus } from "../schema/documents";
import { isUuid } from "./ids";
import { usagePeriodOf, type WorkspaceUsageTotals } from "./usage";

/** One UTC day of activity: questions asked (any asker) and conversations started through share links. */
export interface DailyActivity {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  questions: number;
  shareVisits: number;
}

/** Parameters of {@link dailyActivity}. */
export interface DailyActivityParams {
  workspaceId: string;
  /** How many days, today included: 1–90. */
  days: number;
  /** Only what came through this link (omitted: the whole workspace). */
  shareLinkId?: string | undefined;
  /** The clock, for tests; defaults to now. */
  now?: Date | undefined;
}

/** Bounds of {@link dailyActivity}'s `days` and {@link usageHistory}'s `months`. */
export const activityLimits = { maxDays: 90, maxMonths: 24 } as const;

const utcDay = (column: SQL | typeof chatTurns.createdAt) =>
  sql<string>`to_char((${column} at time zone 'UTC')::date, 'YYYY-MM-DD')`;

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError("BAD_REQUEST", { message: `${name} must be a whole number from 1 to ${max}.` });
  }
}

/**
 * Questions asked and share-link conversations started per UTC day over the last `days` days (oldest
 * first, today last, every day present — zero when nothing happened). A "share visit" is a conversation
 * a visitor started through a share link: opening a link without asking leaves no row to count.
 * Malformed ids give all zeros; throws `AppError("BAD_REQUEST")` for `days` outside 1–90.
 */
export async function dailyActivity(db: Database, params: DailyActivityParams): Promise<DailyActivity[]> {
  checkRange("days", params.days, activityLimits.maxDays);
  const now = params.now ?? new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (params.days - 1));
  const series: DailyActivity[] = [];
  for (let day = new Date(start); day <= now; day.setUTCDate(day.getUTCDate() + 1)) {
    series.push({ day: dayKey(day), questions: 0, shareVisits: 0 });
  }
  const isValid =
    isUuid(params.workspaceId) && (params.shareLinkId === undefined || isUuid(params.shareLinkId));
  if (!isValid) return series;

  const count = sql<number>`count(*)`.mapWith(Number);
  const turnDay = utcDay(chatTurns.createdAt);
  const sessionDay = utcDay(sql`${chatSessions.createdAt}`);
  const linkCondition =
    params.shareLinkId === undefined ? [] : [eq(chatSessions.shareLinkId, params.shareLinkId)];
  const [questions, visits] = await Promise.all([
    db
      .select({ day: turnDay, count })
      .from(chatTurns)
      .innerJoin(chatSessions, eq(chatSessions.id, chatTurns.sessionId))
      .where(
        and(eq(chatTurns.workspaceId, params.workspaceId), gte(chatTurns.createdAt, start), ...linkCondition),
      )
      .groupBy(turnDay),
    db
      .select({ day: sessionDay, count })
      .from(chatSessions)
      .where(
        and(
          eq(chatSessions.workspaceId, params.workspaceId),
          eq(chatSessions.principalKind, "share"),
          gte(chatSessions.createdAt, start),
          ...linkCondition,
        ),
      )
      .groupBy(sessionDay),
  ]);
  const byDay = new Map(series.map((entry) => [entry.day, entry]));
  for (const row of questions) {
    const entry = byDay.get(row.day);
    if (entry) entry.questions = row.count;
  }
  for (const row of visits) {
    const entry = byDay.get(row.day);
    if (entry) entry.shareVisits = row.count;
  }
  return series;
}

/** How many of a workspace's documents are in each status (every status present, zero when none). */
export async function documentStatusCounts(
  db: Database,
  params: { workspaceId: string },
): Promise<Record<DocumentStatus, number>> {
  const counts: Record<DocumentStatus, number> = { uploaded: 0, processing: 0, ready: 0, failed: 0 };
  if (!isUuid(params.workspaceId)) return counts;
  const rows = await db
    .select({ status: documents.status, count: sql<number>`count(*)`.mapWith(Number) })
    .from(documents)
    .where(eq(documents.workspaceId, params.workspaceId))
    .groupBy(documents.status);
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** One month of {@link usageHistory}. */
export interface MonthlyUsage extends WorkspaceUsageTotals {
  /** `YYYY-MM`, UTC. */
  period: string;
}

/**
 * The last `months` usage periods, oldest first, the current one last; a month with no row shows zero
 * requests and tokens and the stored-bytes balance carried over from the month before it. Malformed ids
 * give zeros; throws `AppError("BAD_REQUEST")` for `months` outside 1–24.
 */
export async function usageHistory(
  db: Database,
  params: { workspaceId: string; months: number; now?: Date | undefined },
): Promise<MonthlyUsage[]> {
  checkRange("months", params.months, activityLimits.maxMonths);
  const now = params.now ?? new Date();
  const periods: string[] = [];
  for (let back = params.months - 1; back >= 0; back -= 1) {
    periods.push(usagePeriodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));
  }
  const rows = isUuid(params.workspaceId)
    ? await db
        .select({
          period: workspaceUsage.period,
          requests: workspaceUsage.requests,
          llmTokens: workspaceUsage.llmTokens,
          storedBytes: workspaceUsage.storedBytes,
        })
        .from(workspaceUsage)
        .where(eq(workspaceUsage.workspaceId, params.workspaceId))
        .orderBy(asc(workspaceUsage.period))
    : [];
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  // The balance before the window: the latest row older than its first month.
  let storedBytes = rows.filter((row) => row.period < (periods[0] ?? "")).at(-1)?.storedBytes ?? 0;
  return periods.map((period) => {
    const row = byPeriod.get(period);
    if (row) storedBytes = row.storedBytes;
    return { period, requests: row?.requests ?? 0, llmTokens: row?.llmTokens ?? 0, storedBytes };
  });
}
