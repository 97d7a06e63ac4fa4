import { AppError } from "@vitae/errors";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { importRows, imports, type LearnedAlias, mappingMemory, type RememberedColumn } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { isUuid } from "./ids";

/** How many remembered mappings feed learned aliases (the most recently confirmed first). */
export const learnedAliasSources = 200;

/** The mapping remembered for `headerFingerprint`, or `undefined`. */
export async function getRememberedMapping(
  db: Database,
  params: { workspaceId: string; entity: string; headerFingerprint: string },
): Promise<RememberedColumn[] | undefined> {
  if (!isUuid(params.workspaceId)) return undefined;
  const [row] = await db
    .select({ mapping: mappingMemory.mapping })
    .from(mappingMemory)
    .where(
      and(
        eq(mappingMemory.workspaceId, params.workspaceId),
        eq(mappingMemory.entity, params.entity),
        eq(mappingMemory.headerFingerprint, params.headerFingerprint),
      ),
    )
    .limit(1);
  return row?.mapping;
}

/** Aliases the workspace's operators taught for `entity`, most recently confirmed first. */
export async function listLearnedAliases(
  db: Database,
  params: { workspaceId: string; entity: string },
): Promise<LearnedAlias[]> {
  if (!isUuid(params.workspaceId)) return [];
  const rows = await db
    .select({ learnedAliases: mappingMemory.learnedAliases })
    .from(mappingMemory)
    .where(and(eq(mappingMemory.workspaceId, params.workspaceId), eq(mappingMemory.entity, params.entity)))
    .orderBy(desc(mappingMemory.updatedAt))
    .limit(learnedAliasSources);
  return rows.flatMap((row) => row.learnedAliases);
}

/** Parameters of {@link saveImportMapping}. */
export interface SaveImportMappingParams {
  workspaceId: string;
  importId: string;
  entity: string;
  headerFingerprint: string;
  /** The import's whole mapping as it is now stored (validated by the caller). */
  mapping: unknown[];
  /** What the memory keeps for the fingerprint. */
  remembered: RememberedColumn[];
  learnedAliases: LearnedAlias[];
  audit: InsertAuditEventParams;
}

/**
 * An operator confirms a `mapped` import's mapping: in one transaction the import stores it, the
 * workspace's memory for the header fingerprint is replaced by it (insert or update on the unique key),
 * and the audit event is written. A `validated` import may be re-mapped: its stored rows and ledger are
 * dropped and it is `mapped` again. `NOT_FOUND` when the import is missing; `CONFLICT` when it is
 * neither `mapped` nor `validated` (still analysing or validating, failed).
 */
export async function saveImportMapping(db: Database, params: SaveImportMappingParams): Promise<void> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) throw new AppError("NOT_FOUND");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: imports.status })
      .from(imports)
      .where(and(eq(imports.id, params.importId), eq(imports.workspaceId, params.workspaceId)))
      .for("update");
    if (row === undefined) throw new AppError("NOT_FOUND");
    if (row.status !== "mapped" && row.status !== "validated") {
      throw new AppError("CONFLICT", { message: "Only an analysed import can be mapped." });
    }
    // A new mapping makes the last validation's rows and ledger stale: they go, and it is `mapped` again.
    await tx
      .update(imports)
      .set({ mapping: params.mapping, status: "mapped", ledger: null, errorCode: null })
      .where(eq(imports.id, params.importId));
    await tx.delete(importRows).where(eq(importRows.importId, params.importId));
    await tx
      .insert(mappingMemory)
      .values({
        workspaceId: params.workspaceId,
        entity: params.entity,
        headerFingerprint: params.headerFingerprint,
        mapping: params.remembered,
        learnedAliases: params.learnedAliases,
      })
      .onConflictDoUpdate({
        target: [mappingMemory.workspaceId, mappingMemory.entity, mappingMemory.headerFingerprint],
        set: {
          mapping: params.remembered,
          learnedAliases: params.learnedAliases,
          updatedAt: sql`now()`,
        },
      });
    await insertAuditEvent(tx, params.audit);
  });
}

/** A remembered mapping as the workspace's operators list it. */
export interface MappingMemoryEntry {
  id: string;
  entity: string;
  headerFingerprint: string;
  mapping: RememberedColumn[];
  learnedAliases: LearnedAlias[];
  createdAt: Date;
  updatedAt: Date;
}

/** Default and maximum page sizes of {@link listMappingMemory}. */
export const mappingMemoryPageSize = { default: 20, max: 100 } as const;

function encodeMemoryCursor(entry: { entity: string; headerFingerprint: string }): string {
  return Buffer.from(JSON.stringify([entry.entity, entry.headerFingerprint]), "utf8").toString("base64url");
}

function decodeMemoryCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      typeof parsed[1] === "string" &&
      parsed[0].length <= 100 &&
      parsed[1].length <= 200
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // Not JSON: the same answer as any other cursor we did not produce.
  }
  throw new AppError("BAD_REQUEST", { message: "The page cursor is not valid." });
}

/**
 * One page of `workspaceId`'s remembered mappings (optionally of one entity), ordered by entity then
 * header fingerprint — the memory's own unique key, so the keyset never skips or repeats an entry.
 */
export async function listMappingMemory(
  db: Database,
  params: {
    workspaceId: string;
    entity?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ items: MappingMemoryEntry[]; nextCursor: string | null }> {
  const limit = params.limit ?? mappingMemoryPageSize.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > mappingMemoryPageSize.max) {
    throw new AppError("BAD_REQUEST", {
      message: `The page size must be between 1 and ${mappingMemoryPageSize.max}.`,
    });
  }
  const cursor = params.cursor === undefined ? undefined : decodeMemoryCursor(params.cursor);
  if (!isUuid(params.workspaceId)) return { items: [], nextCursor: null };
  const conditions = [eq(mappingMemory.workspaceId, params.workspaceId)];
  if (params.entity !== undefined) conditions.push(eq(mappingMemory.entity, params.entity));
  if (cursor !== undefined) {
    conditions.push(
      sql`(${mappingMemory.entity}, ${mappingMemory.headerFingerprint}) > (${cursor[0]}, ${cursor[1]})`,
    );
  }
  const rows = await db
    .select({
      id: mappingMemory.id,
      entity: mappingMemory.entity,
      headerFingerprint: mappingMemory.headerFingerprint,
      mapping: mappingMemory.mapping,
      learnedAliases: mappingMemory.learnedAliases,
      createdAt: mappingMemory.createdAt,
      updatedAt: mappingMemory.updatedAt,
    })
    .from(mappingMemory)
    .where(and(...conditions))
    .orderBy(asc(mappingMemory.entity), asc(mappingMemory.headerFingerprint))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeMemoryCursor(last) : null };
}

/**
 * Forgets one remembered mapping (its learned aliases go with it) and writes the audit event, in one
 * transaction. `NOT_FOUND` when it is missing or another workspace's. Imports mapped from it keep their
 * mapping; the next file with those headers is auto-mapped afresh.
 */
export async function deleteMappingMemory(
  db: Database,
  params: {
    workspaceId: string;
    memoryId: string;
    audit: (deleted: { entity: string; headerFingerprint: string }) => InsertAuditEventParams;
  },
): Promise<{ id: string }> {
  if (!isUuid(params.workspaceId) || !isUuid(params.memoryId)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(mappingMemory)
      .where(and(eq(mappingMemory.id, params.memoryId), eq(mappingMemory.workspaceId, params.workspaceId)))
      .returning({
        id: mappingMemory.id,
        entity: mappingMemory.entity,
        headerFingerprint: mappingMemory.headerFingerprint,
      });
    if (deleted === undefined) throw new AppError("NOT_FOUND");
    await insertAuditEvent(tx, params.audit(deleted));
    return { id: deleted.id };
  });
}
