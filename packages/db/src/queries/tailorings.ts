import type { MatchLlmFallback } from "@vitae/contracts";
import { AppError } from "@vitae/errors";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type TailoringMode, type TailoringStatus, tailorings } from "../schema";
import { isUuid } from "./ids";

/** A tailoring as stored. `changes` and `rejected` are stored JSON: callers validate them before use. */
export interface Tailoring {
  id: string;
  profileId: string;
  postingId: string;
  status: TailoringStatus;
  mode: TailoringMode;
  /** Why a tailoring asked for in LLM mode was proposed deterministically; null otherwise. */
  fallback: MatchLlmFallback | null;
  baseHash: string | null;
  changes: unknown[] | null;
  rejected: unknown[] | null;
  sectionOrder: string[] | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  resultProfileId: string | null;
  errorCode: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

const columns = {
  id: tailorings.id,
  profileId: tailorings.profileId,
  postingId: tailorings.postingId,
  status: tailorings.status,
  mode: tailorings.mode,
  fallback: tailorings.fallback,
  baseHash: tailorings.baseHash,
  changes: tailorings.changes,
  rejected: tailorings.rejected,
  sectionOrder: tailorings.sectionOrder,
  scoreBefore: tailorings.scoreBefore,
  scoreAfter: tailorings.scoreAfter,
  resultProfileId: tailorings.resultProfileId,
  errorCode: tailorings.errorCode,
  createdAt: tailorings.createdAt,
  confirmedAt: tailorings.confirmedAt,
};

type Ref = { workspaceId: string; tailoringId: string };

const scoped = (ref: Ref) =>
  and(eq(tailorings.id, ref.tailoringId), eq(tailorings.workspaceId, ref.workspaceId));
const inFlight = inArray(tailorings.status, ["queued", "running"]);

/** Records a tailoring (`queued`); its id is its job run's id. Takes a transaction (run + audit commit with it). */
export async function insertTailoring(
  db: Database,
  params: {
    id: string;
    workspaceId: string;
    profileId: string;
    postingId: string;
    requestedBy: string | null;
    mode: TailoringMode;
    fallback?: MatchLlmFallback | null;
  },
): Promise<void> {
  await db.insert(tailorings).values(params);
}

/**
 * Tailoring `tailoringId` of `workspaceId`; `undefined` when missing, malformed or foreign. With
 * `forUpdate` (inside a transaction) the row stays locked until it ends, so one confirmation wins.
 */
export async function getTailoring(
  db: Database,
  params: Ref & { forUpdate?: boolean },
): Promise<Tailoring | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.tailoringId)) return undefined;
  const query = db.select(columns).from(tailorings).where(scoped(params)).limit(1);
  const [row] = params.forUpdate === true ? await query.for("update") : await query;
  return row;
}

/** Marks a queued (or retried) tailoring `running`; false — nothing changed — when it is gone or finished. */
export async function startTailoring(db: Database, ref: Ref): Promise<boolean> {
  const rows = await db
    .update(tailorings)
    .set({ status: "running", errorCode: null })
    .where(and(scoped(ref), inFlight))
    .returning({ id: tailorings.id });
  return rows.length > 0;
}

/**
 * Stores the verified proposal of a running tailoring and marks it `ready`. `mode`/`fallback`, when
 * given, record how the proposal was actually made (an LLM tailoring whose LLM failed ends deterministic).
 */
export async function completeTailoring(
  db: Database,
  params: Ref & {
    mode?: TailoringMode;
    fallback?: MatchLlmFallback | null;
    baseHash: string;
    changes: unknown[];
    rejected: unknown[];
    sectionOrder: string[];
    scoreBefore: number;
    scoreAfter: number;
  },
): Promise<boolean> {
  const { workspaceId: _workspaceId, tailoringId: _tailoringId, ...values } = params;
  const rows = await db
    .update(tailorings)
    .set({ ...values, status: "ready" })
    .where(and(scoped(params), inFlight))
    .returning({ id: tailorings.id });
  return rows.length > 0;
}

/** Fails an unfinished tailoring with a client-safe code; a finished one is left alone. */
export async function failTailoring(db: Database, params: Ref & { errorCode: string }): Promise<void> {
  if (!isUuid(params.workspaceId) || !isUuid(params.tailoringId)) return;
  await db
    .update(tailorings)
    .set({ status: "failed", errorCode: params.errorCode })
    .where(and(scoped(params), inFlight));
}

/** Marks a `ready` tailoring `confirmed` into profile `resultProfileId` (inside the confirming transaction). */
export async function markTailoringConfirmed(
  db: Database,
  params: Ref & { resultProfileId: string },
): Promise<void> {
  const rows = await db
    .update(tailorings)
    .set({ status: "confirmed", resultProfileId: params.resultProfileId, confirmedAt: sql`now()` })
    .where(and(scoped(params), eq(tailorings.status, "ready")))
    .returning({ id: tailorings.id });
  if (rows.length === 0)
    throw new AppError("CONFLICT", { message: "This tailoring is not ready to confirm." });
}
