import { AppError } from "@vitae/errors";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../database";
import { workspaceUsage } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/** A workspace's totals for one period. */
export interface WorkspaceUsageTotals {
  requests: number;
  llmTokens: number;
  storedBytes: number;
}

/** Parameters of {@link incrementWorkspaceUsage}. */
export interface IncrementWorkspaceUsageParams {
  workspaceId: string;
  /** `YYYY-MM` (UTC); see {@link usagePeriodOf}. */
  period: string;
  /** Requests to add (non-negative integer). */
  requests?: number | undefined;
  /** LLM tokens to add (non-negative integer). */
  llmTokens?: number | undefined;
  /** Bytes stored (positive) or freed (negative); the total never drops below zero. */
  storedBytes?: number | undefined;
}

/** `YYYY-MM`: the shape of a usage period. */
export const usagePeriodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The usage period (`YYYY-MM`, UTC) that contains `date`. */
export function usagePeriodOf(date: Date): string {
  return `${date.getUTCFullYear().toString().padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function checkDelta(name: string, value: number | undefined, allowNegative: boolean): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || (!allowNegative && value < 0)) {
    throw new AppError("BAD_REQUEST", {
      message: `${name} must be a${allowNegative ? "n" : " non-negative"} integer.`,
    });
  }
  return value;
}

/**
 * Adds to `workspaceId`'s counters for `period` in one atomic upsert (`insert … on conflict do update`),
 * so concurrent increments from any number of processes never lose an update; returns the new totals.
 * Throws `AppError("BAD_REQUEST")` for a malformed period or delta, `AppError("NOT_FOUND")` for a
 * workspace that does not exist.
 */
export async function incrementWorkspaceUsage(
  db: Database,
  params: IncrementWorkspaceUsageParams,
): Promise<WorkspaceUsageTotals> {
  if (!usagePeriodPattern.test(params.period)) {
    throw new AppError("BAD_REQUEST", { message: "The usage period must look like YYYY-MM." });
  }
  const requests = checkDelta("requests", params.requests, false);
  const llmTokens = checkDelta("llmTokens", params.llmTokens, false);
  const storedBytes = checkDelta("storedBytes", params.storedBytes, true);
  if (!isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  try {
    const [row] = await db
      .insert(workspaceUsage)
      .values({
        workspaceId: params.workspaceId,
        period: params.period,
        requests,
        llmTokens,
        // Stored bytes are a balance, not a monthly flow: a new period starts from the last one's total.
        storedBytes: sql`greatest(0, coalesce((${storedBytesBefore(params.workspaceId, params.period)}), 0) + ${storedBytes})`,
      })
      .onConflictDoUpdate({
        target: [workspaceUsage.workspaceId, workspaceUsage.period],
        set: {
          requests: sql`${workspaceUsage.requests} + ${requests}`,
          llmTokens: sql`${workspaceUsage.llmTokens} + ${llmTokens}`,
          storedBytes: sql`greatest(0, ${workspaceUsage.storedBytes} + ${storedBytes})`,
          updatedAt: sql`now()`,
        },
      })
      .returning({
        requests: workspaceUsage.requests,
        llmTokens: workspaceUsage.llmTokens,
        storedBytes: workspaceUsage.storedBytes,
      });
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("upsert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

/**
 * The stored-bytes balance of the latest period before `period` (a scalar subquery; null when none): the
 * one place that says a new period's balance carries over from the last one.
 */
export function storedBytesBefore(workspaceId: string, period: string) {
  return sql`select ${workspaceUsage.storedBytes} from ${workspaceUsage} where ${workspaceUsage.workspaceId} = ${workspaceId} and ${workspaceUsage.period} < ${period} order by ${workspaceUsage.period} desc limit 1`;
}

/**
 * `workspaceId`'s totals for `period`: requests and tokens counted in that month (zero when nothing was
 * recorded), and the stored-bytes balance — carried over from the latest earlier period while this one
 * has no row yet, because stored objects do not disappear when a month ends. Zeros for malformed ids.
 */
export async function getWorkspaceUsage(
  db: Database,
  params: { workspaceId: string; period: string },
): Promise<WorkspaceUsageTotals> {
  const zero = { requests: 0, llmTokens: 0, storedBytes: 0 };
  if (!isUuid(params.workspaceId) || !usagePeriodPattern.test(params.period)) return zero;
  const [row] = await db
    .select({
      requests: workspaceUsage.requests,
      llmTokens: workspaceUsage.llmTokens,
      storedBytes: workspaceUsage.storedBytes,
    })
    .from(workspaceUsage)
    .where(and(eq(workspaceUsage.workspaceId, params.workspaceId), eq(workspaceUsage.period, params.period)));
  if (row !== undefined) return row;
  const [carried] = await db
    .select({ storedBytes: workspaceUsage.storedBytes })
    .from(workspaceUsage)
    .where(and(eq(workspaceUsage.workspaceId, params.workspaceId), lt(workspaceUsage.period, params.period)))
    .orderBy(desc(workspaceUsage.period))
    .limit(1);
  return { ...zero, storedBytes: carried?.storedBytes ?? 0 };
}
