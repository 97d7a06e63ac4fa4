import { AppError } from "@vitae/errors";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { imports, type LearnedAlias, mappingMemory, type RememberedColumn } from "../schema";
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
 * and the audit event is written. `NOT_FOUND` when the import is missing; `CONFLICT` when it is not
 * `mapped` (still analysing, failed).
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
    if (row.status !== "mapped") {
      throw new AppError("CONFLICT", { message: "Only an analysed import can be mapped." });
    }
    await tx.update(imports).set({ mapping: params.mapping }).where(eq(imports.id, params.importId));
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
