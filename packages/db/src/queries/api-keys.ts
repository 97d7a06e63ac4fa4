import { AppError } from "@vitae/errors";
import { and, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../database";
import { apiKeys, type WorkspaceRole, workspaceMembers } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/** An API key as shown to admins: never the hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What verification needs: the stored hash, the key's tenant and its creator's current role. */
export interface ApiKeyForVerification {
  id: string;
  workspaceId: string;
  createdBy: string;
  hash: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** The creator's role in the key's workspace now; `null` once they are no longer a member. */
  creatorRole: WorkspaceRole | null;
}

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Parameters of {@link insertApiKey}; `@vitae/auth`'s `createApiKey` validates them and makes the key. */
export interface InsertApiKeyParams {
  workspaceId: string;
  createdBy: string;
  name: string;
  prefix: string;
  /** Hex SHA-256 of the whole key (64 characters). */
  hash: string;
  scopes: readonly string[];
  expiresAt: Date | null;
}

/**
 * Stores a new key and returns its summary (not the hash). Throws `AppError("NOT_FOUND")` when the
 * workspace or creator does not exist; a prefix collision surfaces as the driver's unique violation on
 * `api_keys_prefix_key` for the caller to retry with a fresh key.
 */
export async function insertApiKey(db: Database, params: InsertApiKeyParams): Promise<ApiKeySummary> {
  if (!isUuid(params.workspaceId) || !isUuid(params.createdBy)) throw new AppError("NOT_FOUND");
  try {
    const [row] = await db
      .insert(apiKeys)
      .values({
        workspaceId: params.workspaceId,
        createdBy: params.createdBy,
        name: params.name,
        prefix: params.prefix,
        hash: params.hash,
        scopes: [...params.scopes],
        expiresAt: params.expiresAt,
      })
      .returning(summaryColumns);
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

function prepareFindByPrefix(db: Database) {
  // Named and joined with the creator's membership: one round trip per API-key request.
  return db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      createdBy: apiKeys.createdBy,
      hash: apiKeys.hash,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      creatorRole: workspaceMembers.role,
    })
    .from(apiKeys)
    .leftJoin(
      workspaceMembers,
      and(
        eq(workspaceMembers.workspaceId, apiKeys.workspaceId),
        eq(workspaceMembers.userId, apiKeys.createdBy),
      ),
    )
    .where(eq(apiKeys.prefix, sql.placeholder("prefix")))
    .limit(1)
    .prepare("vitae_find_api_key_by_prefix");
}

const preparedFindByPrefix = new WeakMap<Database, ReturnType<typeof prepareFindByPrefix>>();

/**
 * The key with public `prefix`, including its hash, for `verifyApiKey` only — no other caller needs
 * the hash. Not scoped by workspace because the workspace is what the key tells us; `undefined` when
 * there is none.
 */
export async function findApiKeyByPrefix(
  db: Database,
  params: { prefix: string },
): Promise<ApiKeyForVerification | undefined> {
  let prepared = preparedFindByPrefix.get(db);
  if (prepared === undefined) {
    prepared = prepareFindByPrefix(db);
    preparedFindByPrefix.set(db, prepared);
  }
  const [row] = await prepared.execute({ prefix: params.prefix });
  return row;
}

/** Keys of `workspaceId`, newest first, revoked and expired ones included (the UI shows their state). */
export async function listApiKeys(db: Database, params: { workspaceId: string }): Promise<ApiKeySummary[]> {
  if (!isUuid(params.workspaceId)) return [];
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, params.workspaceId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/**
 * Revokes key `apiKeyId` of `workspaceId` and returns it. Idempotent: revoking again keeps the first
 * `revokedAt`. Throws `AppError("NOT_FOUND")` when the key does not exist or belongs to another workspace.
 */
export async function revokeApiKey(
  db: Database,
  params: { workspaceId: string; apiKeyId: string },
): Promise<ApiKeySummary> {
  if (!isUuid(params.workspaceId) || !isUuid(params.apiKeyId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, params.apiKeyId), eq(apiKeys.workspaceId, params.workspaceId)))
    .returning(summaryColumns);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}

/** `last_used_at` is advanced at most once per this interval per key. */
export const apiKeyTouchIntervalMs = 60_000;

/**
 * Records that key `apiKeyId` was used at `now` — unless it was already recorded within the last
 * minute, in which case nothing is written. Returns whether a write happened. Callers skip the call
 * entirely when the `lastUsedAt` they already hold is recent; the guard here keeps concurrent
 * requests from all writing.
 */
export async function touchApiKeyUsed(
  db: Database,
  params: { apiKeyId: string; now?: Date },
): Promise<boolean> {
  if (!isUuid(params.apiKeyId)) return false;
  const now = params.now ?? new Date();
  const threshold = new Date(now.getTime() - apiKeyTouchIntervalMs);
  const rows = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, params.apiKeyId),
        or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, threshold)),
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
