import { AppError } from "@vitae/errors";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../database";
import { llmUsage } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/**
 * Parameters of {@link insertLlmUsage}: one LLM call as `@vitae/llm`'s `recordUsage` reports it (its
 * `LlmUsageEntry` is assignable to this).
 */
export interface InsertLlmUsageParams {
  /** `null` for calls outside any workspace. */
  workspaceId: string | null;
  /** The client operation, e.g. `structured`. */
  operation: string;
  model: string;
  promptId?: string | null | undefined;
  promptVersion?: number | null | undefined;
  /** `null` when the provider did not report usage. */
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number;
  /** Served from the response cache (no provider tokens spent). */
  cached: boolean;
  /** How the call ended, e.g. `ok`, `timeout`, `bad_output`. */
  outcome: string;
}

function count(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 2_147_483_647) {
    throw new AppError("BAD_REQUEST", { message: `${name} must be a non-negative number.` });
  }
  return Math.round(value);
}

/**
 * Appends one usage row and returns its id and time. Throws `AppError("NOT_FOUND")` for an unknown (or
 * malformed) workspace and `AppError("BAD_REQUEST")` for negative, non-finite or out-of-range counts.
 */
export async function insertLlmUsage(
  db: Database,
  params: InsertLlmUsageParams,
): Promise<{ id: string; createdAt: Date }> {
  if (params.workspaceId !== null && !isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  const values = {
    workspaceId: params.workspaceId,
    operation: params.operation,
    model: params.model,
    promptId: params.promptId ?? null,
    promptVersion: params.promptVersion ?? null,
    tokensIn: params.tokensIn === null ? null : count(params.tokensIn, "tokensIn"),
    tokensOut: params.tokensOut === null ? null : count(params.tokensOut, "tokensOut"),
    latencyMs: count(params.latencyMs, "latencyMs"),
    cached: params.cached,
    outcome: params.outcome,
  };
  try {
    const [row] = await db
      .insert(llmUsage)
      .values(values)
      .returning({ id: llmUsage.id, createdAt: llmUsage.createdAt });
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

/** Token totals returned by {@link sumLlmTokens}. */
export interface LlmTokenTotals {
  tokensIn: number;
  tokensOut: number;
  /** Uncached calls counted. */
  calls: number;
}

/**
 * Tokens `workspaceId` spent on uncached calls made at or after `since` (cached answers cost nothing at
 * the provider, so they do not count; unreported counts add 0). Zeros for a workspace with no usage or
 * a malformed id.
 * Served by the `(workspace_id, created_at)` index.
 */
export async function sumLlmTokens(
  db: Database,
  params: { workspaceId: string; since: Date },
): Promise<LlmTokenTotals> {
  if (!isUuid(params.workspaceId)) return { tokensIn: 0, tokensOut: 0, calls: 0 };
  const [row] = await db
    .select({
      tokensIn: sql<number>`coalesce(sum(${llmUsage.tokensIn}), 0)`.mapWith(Number),
      tokensOut: sql<number>`coalesce(sum(${llmUsage.tokensOut}), 0)`.mapWith(Number),
      calls: sql<number>`count(*)`.mapWith(Number),
    })
    .from(llmUsage)
    .where(
      and(
        eq(llmUsage.workspaceId, params.workspaceId),
        gte(llmUsage.createdAt, params.since),
        eq(llmUsage.cached, false),
      ),
    );
  return row ?? { tokensIn: 0, tokensOut: 0, calls: 0 };
}
