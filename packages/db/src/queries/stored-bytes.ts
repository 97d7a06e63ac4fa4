import { AppError } from "@vitae/errors";
import type { Database } from "../database";
import { incrementWorkspaceUsage, usagePeriodOf } from "./usage";

/** Parameters of {@link reserveStoredBytes}. */
export interface ReserveStoredBytesParams {
  workspaceId: string;
  /** Bytes the caller is about to let someone store (a positive integer). */
  bytes: number;
  /** The plan's `storedBytes` quota; reaching it exactly is allowed. */
  limit: number;
  /** The instant whose period is charged (default: now). */
  now?: Date | undefined;
}

function firstOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * Counts `bytes` against the workspace's stored-bytes quota, or throws `AppError("QUOTA_EXCEEDED")`
 * (details as `@vitae/ratelimit`'s guard gives them: `metric`, `used`, `requested`, `limit`, `resetAt`)
 * when the total would pass `limit`. Meant to run inside the transaction that creates what holds the
 * bytes (`db` is then the `tx`): a refusal rolls the counter back together with that row, and the
 * increment's row lock makes concurrent reservations of one workspace admit exactly up to the limit.
 */
export async function reserveStoredBytes(db: Database, params: ReserveStoredBytesParams): Promise<void> {
  const now = params.now ?? new Date();
  const totals = await incrementWorkspaceUsage(db, {
    workspaceId: params.workspaceId,
    period: usagePeriodOf(now),
    storedBytes: params.bytes,
  });
  if (totals.storedBytes > params.limit) {
    throw new AppError("QUOTA_EXCEEDED", {
      message: "The monthly storedBytes quota of your plan is used up.",
      details: {
        metric: "storedBytes",
        used: totals.storedBytes - params.bytes,
        requested: params.bytes,
        limit: params.limit,
        resetAt: firstOfNextMonth(now).toISOString(),
      },
    });
  }
}

/**
 * Gives `bytes` back to the workspace's stored-bytes counter (never below zero). Runs in the transaction
 * that removes what held them, so a crash can never free bytes that are still stored, or keep counting
 * bytes that are gone.
 */
export async function releaseStoredBytes(
  db: Database,
  params: { workspaceId: string; bytes: number; now?: Date | undefined },
): Promise<void> {
  if (params.bytes === 0) return;
  await incrementWorkspaceUsage(db, {
    workspaceId: params.workspaceId,
    period: usagePeriodOf(params.now ?? new Date()),
    storedBytes: -params.bytes,
  });
}
