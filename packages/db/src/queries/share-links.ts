import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@vitae/errors";
import { and, desc, eq, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { shareLinks } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation, isUniqueViolation } from "./pg-errors";

/** Every share-link token starts with this, so leaked tokens are recognisable (secret scanners). */
export const shareLinkTokenPrefix = "vs_";

// `vs_` + 32 random bytes in base64url (43 characters, no padding).
const tokenPattern = /^vs_[A-Za-z0-9_-]{43}$/;

/** A share link as its workspace's members see it: never the token or its hash. */
export interface ShareLinkSummary {
  id: string;
  profileId: string;
  label: string | null;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Whether visitors may see the owner's email, phone and links. */
  showContact: boolean;
}

/** A live link found by its token: what a public request needs to act for it. */
export interface ShareLinkForToken {
  id: string;
  workspaceId: string;
  profileId: string;
  label: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  /** Whether the profile's contact details may be passed to the visitor's questions. */
  showContact: boolean;
}

const summaryColumns = {
  id: shareLinks.id,
  profileId: shareLinks.profileId,
  label: shareLinks.label,
  createdBy: shareLinks.createdBy,
  createdAt: shareLinks.createdAt,
  expiresAt: shareLinks.expiresAt,
  revokedAt: shareLinks.revokedAt,
  lastUsedAt: shareLinks.lastUsedAt,
  showContact: shareLinks.showContact,
};

/** A new random token: `vs_` + 32 random bytes, base64url. Shown once; only its hash is stored. */
export function generateShareLinkToken(): string {
  return `${shareLinkTokenPrefix}${randomBytes(32).toString("base64url")}`;
}

/** Hex SHA-256 of a token, as stored in `share_links.token_hash`. */
export function hashShareLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Parameters of {@link createShareLink}. */
export interface CreateShareLinkParams {
  workspaceId: string;
  profileId: string;
  /** The member creating the link. */
  createdBy: string;
  label?: string | null | undefined;
  /** Every link expires; the caller chooses when (the API bounds it). */
  expiresAt: Date;
  /** Show visitors the owner's contact details; default false. */
  showContact?: boolean | undefined;
}

/**
 * Creates a link to `profileId` and returns it with its token — the only time the token exists outside
 * the caller; the database keeps its SHA-256. Throws `AppError("NOT_FOUND")` when the profile is not in
 * `workspaceId` (or the creator does not exist), whatever the reason, malformed ids included.
 */
export async function createShareLink(
  db: Database,
  params: CreateShareLinkParams,
): Promise<{ link: ShareLinkSummary; token: string }> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId) || !isUuid(params.createdBy)) {
    throw new AppError("NOT_FOUND");
  }
  // 256 random bits never collide in practice; the retry only turns a cosmic accident into success.
  for (let attempt = 0; ; attempt++) {
    const token = generateShareLinkToken();
    try {
      const [link] = await db
        .insert(shareLinks)
        .values({
          workspaceId: params.workspaceId,
          profileId: params.profileId,
          createdBy: params.createdBy,
          tokenHash: hashShareLinkToken(token),
          label: params.label ?? null,
          expiresAt: params.expiresAt,
          showContact: params.showContact ?? false,
        })
        .returning(summaryColumns);
      if (link === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
      return { link, token };
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
      if (attempt < 2 && isUniqueViolation(error, "share_links_token_hash_key")) continue;
      throw error;
    }
  }
}

/**
 * Links of `workspaceId` (of one profile when `profileId` is given), newest first, revoked and expired
 * ones included so the UI can show their state. Empty for a malformed id.
 */
export async function listShareLinks(
  db: Database,
  params: { workspaceId: string; profileId?: string | undefined },
): Promise<ShareLinkSummary[]> {
  if (!isUuid(params.workspaceId)) return [];
  const conditions: SQL[] = [eq(shareLinks.workspaceId, params.workspaceId)];
  if (params.profileId !== undefined) {
    if (!isUuid(params.profileId)) return [];
    conditions.push(eq(shareLinks.profileId, params.profileId));
  }
  return db
    .select(summaryColumns)
    .from(shareLinks)
    .where(and(...conditions))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
}

/** Link `shareLinkId` of `workspaceId`; undefined for a missing, foreign or malformed id. */
export async function getShareLink(
  db: Database,
  params: { workspaceId: string; shareLinkId: string },
): Promise<ShareLinkSummary | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.shareLinkId)) return undefined;
  const [row] = await db
    .select(summaryColumns)
    .from(shareLinks)
    .where(and(eq(shareLinks.id, params.shareLinkId), eq(shareLinks.workspaceId, params.workspaceId)))
    .limit(1);
  return row;
}

/**
 * Revokes link `shareLinkId` of `workspaceId` and returns it; its token stops working at once.
 * Idempotent (the first `revokedAt` stands). `AppError("NOT_FOUND")` for a missing, foreign or malformed id.
 */
export async function revokeShareLink(
  db: Database,
  params: { workspaceId: string; shareLinkId: string },
): Promise<ShareLinkSummary> {
  if (!isUuid(params.workspaceId) || !isUuid(params.shareLinkId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .update(shareLinks)
    .set({ revokedAt: sql`coalesce(${shareLinks.revokedAt}, now())` })
    .where(and(eq(shareLinks.id, params.shareLinkId), eq(shareLinks.workspaceId, params.workspaceId)))
    .returning(summaryColumns);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}

/** What {@link updateShareLink} may change; omitted fields stay as they are. */
export interface ShareLinkChanges {
  showContact?: boolean | undefined;
  expiresAt?: Date | undefined;
}

/**
 * Changes link `shareLinkId` of `workspaceId` and returns it. A revoked link stays revoked (only its
 * settings change). `AppError("NOT_FOUND")` for a missing, foreign or malformed id.
 */
export async function updateShareLink(
  db: Database,
  params: { workspaceId: string; shareLinkId: string; changes: ShareLinkChanges },
): Promise<ShareLinkSummary> {
  if (!isUuid(params.workspaceId) || !isUuid(params.shareLinkId)) throw new AppError("NOT_FOUND");
  const { showContact, expiresAt } = params.changes;
  const where = and(eq(shareLinks.id, params.shareLinkId), eq(shareLinks.workspaceId, params.workspaceId));
  const set = {
    ...(showContact === undefined ? {} : { showContact }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
  const [row] =
    Object.keys(set).length === 0
      ? await db.select(summaryColumns).from(shareLinks).where(where).limit(1)
      : await db.update(shareLinks).set(set).where(where).returning(summaryColumns);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}

function prepareFindByHash(db: Database) {
  // Named: every public request resolves its token through this.
  return db
    .select({
      id: shareLinks.id,
      workspaceId: shareLinks.workspaceId,
      profileId: shareLinks.profileId,
      label: shareLinks.label,
      tokenHash: shareLinks.tokenHash,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      lastUsedAt: shareLinks.lastUsedAt,
      showContact: shareLinks.showContact,
    })
    .from(shareLinks)
    .where(eq(shareLinks.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("vitae_find_share_link_by_token_hash");
}

const preparedFindByHash = new WeakMap<Database, ReturnType<typeof prepareFindByHash>>();

/**
 * The live link a visitor's `token` opens, or `undefined` for a malformed, unknown, revoked or expired
 * (`expiresAt <= now`) token — all alike, so a caller cannot tell them apart. Looks the link up by the
 * token's SHA-256 (the token is 256 random bits, so the hash is an unguessable key) and compares hashes
 * in constant time. Not scoped by workspace: the link is what tells us the workspace.
 */
export async function findShareLinkByToken(
  db: Database,
  params: { token: string; now?: Date },
): Promise<ShareLinkForToken | undefined> {
  if (!tokenPattern.test(params.token)) return undefined;
  const tokenHash = hashShareLinkToken(params.token);
  let prepared = preparedFindByHash.get(db);
  if (prepared === undefined) {
    prepared = prepareFindByHash(db);
    preparedFindByHash.set(db, prepared);
  }
  const [row] = await prepared.execute({ tokenHash });
  if (row === undefined) return undefined;
  if (!timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(tokenHash, "hex"))) return undefined;
  const now = params.now ?? new Date();
  if (row.revokedAt !== null) return undefined;
  if (row.expiresAt.getTime() <= now.getTime()) return undefined;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    profileId: row.profileId,
    label: row.label,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    showContact: row.showContact,
  };
}

/** `last_used_at` is advanced at most once per this interval per link. */
export const shareLinkTouchIntervalMs = 60_000;

/**
 * Records that link `shareLinkId` was used at `now`, unless that was already recorded within the last
 * minute (then nothing is written). Returns whether a write happened; of many concurrent calls only one
 * writes. Callers holding a recent `lastUsedAt` from {@link findShareLinkByToken} may skip the call.
 */
export async function touchShareLinkUsed(
  db: Database,
  params: { shareLinkId: string; now?: Date },
): Promise<boolean> {
  if (!isUuid(params.shareLinkId)) return false;
  const now = params.now ?? new Date();
  const threshold = new Date(now.getTime() - shareLinkTouchIntervalMs);
  const rows = await db
    .update(shareLinks)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(shareLinks.id, params.shareLinkId),
        or(isNull(shareLinks.lastUsedAt), lte(shareLinks.lastUsedAt, threshold)),
      ),
    )
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}
