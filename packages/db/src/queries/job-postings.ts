import type { MatchLlmFallback, MatchMode } from "@vitae/contracts";
import { AppError } from "@vitae/errors";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { jobPostings } from "../schema";
import { isUuid } from "./ids";
import { decodeKeysetCursor, encodeKeysetCursor, pageLimit } from "./keyset-cursor";

/** A posting as listings show it: no text, no requirements (those are one `getJobPosting` away). */
export interface JobPostingSummary {
  id: string;
  title: string | null;
  company: string | null;
  requirementCount: number;
  createdBy: string | null;
  createdAt: Date;
}

/** A whole posting. `requirements` is stored JSON: callers validate it before trusting its shape. */
export interface JobPosting extends JobPostingSummary {
  text: string;
  requirements: unknown[];
  extractorVersion: string;
  /** `llm` when grounded LLM requirements were added to the deterministic ones. */
  extractionMode: MatchMode;
  /** Why an extraction with an LLM configured stayed deterministic; null otherwise. */
  extractionFallback: MatchLlmFallback | null;
  updatedAt: Date;
}

/** Parameters of {@link insertJobPosting}. */
export interface InsertJobPostingParams {
  workspaceId: string;
  createdBy: string | null;
  title: string | null;
  company: string | null;
  text: string;
  requirements: unknown[];
  extractorVersion: string;
  extractionMode?: MatchMode;
  extractionFallback?: MatchLlmFallback | null;
}

/** Default and maximum page sizes of {@link listJobPostings}. */
export const jobPostingPageSize = { default: 20, max: 100 } as const;

const summaryColumns = {
  id: jobPostings.id,
  title: jobPostings.title,
  company: jobPostings.company,
  requirementCount: sql<number>`jsonb_array_length(${jobPostings.requirements})`.mapWith(Number),
  createdBy: jobPostings.createdBy,
  createdAt: jobPostings.createdAt,
};

/**
 * Stores a posting with its extracted requirements and returns it. Takes a transaction too, so the
 * caller can commit its audit row with it. `NOT_FOUND` for an unknown or malformed workspace id.
 */
export async function insertJobPosting(db: Database, params: InsertJobPostingParams): Promise<JobPosting> {
  if (!isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .insert(jobPostings)
    .values(params)
    .returning({
      ...summaryColumns,
      text: jobPostings.text,
      requirements: jobPostings.requirements,
      extractorVersion: jobPostings.extractorVersion,
      extractionMode: jobPostings.extractionMode,
      extractionFallback: jobPostings.extractionFallback,
      updatedAt: jobPostings.updatedAt,
    });
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}

/** Posting `postingId` of `workspaceId`; `undefined` when missing, malformed or another workspace's. */
export async function getJobPosting(
  db: Database,
  params: { workspaceId: string; postingId: string },
): Promise<JobPosting | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.postingId)) return undefined;
  const [row] = await db
    .select({
      ...summaryColumns,
      text: jobPostings.text,
      requirements: jobPostings.requirements,
      extractorVersion: jobPostings.extractorVersion,
      extractionMode: jobPostings.extractionMode,
      extractionFallback: jobPostings.extractionFallback,
      updatedAt: jobPostings.updatedAt,
    })
    .from(jobPostings)
    .where(and(eq(jobPostings.id, params.postingId), eq(jobPostings.workspaceId, params.workspaceId)))
    .limit(1);
  return row;
}

/** Parameters of {@link listJobPostings}. */
export interface ListJobPostingsParams {
  workspaceId: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  /** Page size, 1–100 (default 20). */
  limit?: number | undefined;
}

/**
 * One page of `workspaceId`'s postings, newest first, keyset-paginated on `(created_at, id)` (served by
 * the `(workspace_id, created_at desc, id desc)` index). `nextCursor` is `null` on the last page. Throws
 * `AppError("BAD_REQUEST")` for a malformed cursor or a limit outside 1–100.
 */
export async function listJobPostings(
  db: Database,
  params: ListJobPostingsParams,
): Promise<{ items: JobPostingSummary[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, jobPostingPageSize.default, jobPostingPageSize.max);
  const cursor = params.cursor === undefined ? undefined : decodeKeysetCursor(params.cursor);
  if (!isUuid(params.workspaceId)) return { items: [], nextCursor: null };
  const conditions: SQL[] = [eq(jobPostings.workspaceId, params.workspaceId)];
  if (cursor !== undefined) {
    conditions.push(
      sql`(${jobPostings.createdAt}, ${jobPostings.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select(summaryColumns)
    .from(jobPostings)
    .where(and(...conditions))
    .orderBy(desc(jobPostings.createdAt), desc(jobPostings.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeKeysetCursor(last) : null };
}

/**
 * Deletes posting `postingId` of `workspaceId` and returns what it was (for the audit row). Takes a
 * transaction too. `AppError("NOT_FOUND")` when missing, malformed or another workspace's.
 */
export async function deleteJobPosting(
  db: Database,
  params: { workspaceId: string; postingId: string },
): Promise<JobPostingSummary> {
  if (!isUuid(params.workspaceId) || !isUuid(params.postingId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .delete(jobPostings)
    .where(and(eq(jobPostings.id, params.postingId), eq(jobPostings.workspaceId, params.workspaceId)))
    .returning(summaryColumns);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}
