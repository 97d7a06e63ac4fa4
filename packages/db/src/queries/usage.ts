import { AppError } from "@vitae/errors";
import { and, eq, sql } from "drizzle-orm";
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

const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

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
  if (!periodPattern.test(params.period)) {
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
        storedBytes: Math.max(0, storedBytes),
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

/** `workspaceId`'s totals for `period`; zeros when nothing was recorded (or the ids are malformed). */
export async function getWorkspaceUsage(
  db: Database,
  params: { workspaceId: string; period: string },
): Promise<WorkspaceUsageTotals> {
  const zero = { requests: 0, llmTokens: 0, storedBytes: 0 };
  if (!isUuid(params.workspaceId) || !periodPattern.test(params.period)) return zero;
  const [row] = await db
    .select({
      requests: workspaceUsage.requests,
      llmTokens: workspaceUsage.llmTokens,
      storedBytes: workspaceUsage.storedBytes,
    })
    .from(workspaceUsage)
    .where(and(eq(workspaceUsage.workspaceId, params.workspaceId), eq(workspaceUsage.period, params.period)));
  return row ?? zero;
}
