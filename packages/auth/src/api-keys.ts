import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type ApiKeySummary,
  apiKeyTouchIntervalMs,
  type Database,
  findApiKeyByPrefix,
  insertApiKey,
  touchApiKeyUsed,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { isRole, isScope, type Role, type Scope, scopesForRole } from "./roles";

/** A freshly generated key: show `key` to the user once, store only `prefix` and `hash`. */
export interface GeneratedApiKey {
  /** `vk_<prefix>_<secret>`: the bearer credential. */
  key: string;
  /** 12 lower-case hex characters; public, identifies the key in lists and lookups. */
  prefix: string;
  /** Hex SHA-256 of `key`. */
  hash: string;
}

/** One message for every rejection: which check failed is nobody else's business. */
const invalidKeyMessage = "The API key is not valid.";
const decoyHash = "0".repeat(64);
const keyPattern = /^vk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Hex SHA-256 of a whole key. A fast hash is right here: the secret has 256 bits of entropy. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * A new random key: a 6-byte prefix (hex) and a 32-byte secret (base64url, 43 characters) from the
 * operating system's CSPRNG.
 */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(6).toString("hex");
  const key = `vk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or `undefined` when `key` is not shaped like one of ours. */
export function parseApiKeyPrefix(key: string): string | undefined {
  return keyPattern.exec(key)?.[1];
}

/** Parameters of {@link createApiKey}. */
export interface CreateApiKeyParams {
  workspaceId: string;
  /** The user creating the key; the key acts for them. */
  createdBy: string;
  /** The creator's current role in `workspaceId` (from the principal). */
  creatorRole: Role;
  name: string;
  scopes: readonly string[];
  /** `null` for a key that never expires; otherwise must be in the future. */
  expiresAt: Date | null;
  /** Clock for the expiry check (tests). */
  now?: Date;
}

/** What {@link createApiKey} returns: the stored summary plus the key, shown exactly once. */
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}

const maxNameLength = 100;

/**
 * Creates a key for `workspaceId` acting for `createdBy`. Throws `AppError("VALIDATION_FAILED")` for a
 * blank or over-long name, unknown or no scopes, or a past expiry; `AppError("FORBIDDEN")` when a scope
 * exceeds what `creatorRole` grants (nobody mints a key stronger than themselves);
 * `AppError("NOT_FOUND")` for an unknown workspace or user. Who may create keys (admins, sessions only)
 * is the caller's rule.
 */
export async function createApiKey(db: Database, params: CreateApiKeyParams): Promise<CreatedApiKey> {
  const name = params.name.trim();
  if (name === "" || name.length > maxNameLength) {
    throw new AppError("VALIDATION_FAILED", {
      message: `The key needs a name of 1 to ${maxNameLength} characters.`,
      details: { field: "name" },
    });
  }
  const requested = [...new Set(params.scopes)];
  if (requested.length === 0 || !requested.every(isScope)) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Choose one or more known scopes.",
      details: { field: "scopes" },
    });
  }
  if (!isRole(params.creatorRole)) throw new AppError("FORBIDDEN");
  const allowed = new Set<Scope>(scopesForRole(params.creatorRole));
  const beyond = requested.filter((scope) => !allowed.has(scope));
  if (beyond.length > 0) {
    throw new AppError("FORBIDDEN", {
      message: "A key cannot have scopes your role does not grant.",
      details: { scopes: beyond },
    });
  }
  const now = params.now ?? new Date();
  if (params.expiresAt !== null && !(params.expiresAt.getTime() > now.getTime())) {
    throw new AppError("VALIDATION_FAILED", {
      message: "The expiry must be in the future.",
      details: { field: "expiresAt" },
    });
  }
  const generated = generateApiKey();
  const summary = await insertApiKey(db, {
    workspaceId: params.workspaceId,
    createdBy: params.createdBy,
    name,
    prefix: generated.prefix,
    hash: generated.hash,
    scopes: requested,
    expiresAt: params.expiresAt,
  });
  return { ...summary, key: generated.key };
}

/** A verified key: who it acts for, where, and with what. */
export interface VerifiedApiKey {
  apiKeyId: string;
  workspaceId: string;
  /** The creator, on whose behalf the key acts. */
  userId: string;
  /** The key's scopes that the creator's current role still grants. */
  scopes: Scope[];
}

/**
 * Verifies a bearer `key` at `now`. Throws `AppError("UNAUTHENTICATED")` — with the same message for
 * every reason, so a caller learns nothing about which keys exist — when the key is malformed,
 * unknown, wrong, revoked, expired, or its creator is no longer a member of its workspace. The hash is
 * compared in constant time. `last_used_at` is written at most once a minute per key.
 */
export async function verifyApiKey(
  db: Database,
  key: string,
  now: Date = new Date(),
): Promise<VerifiedApiKey> {
  const prefix = parseApiKeyPrefix(key);
  if (prefix === undefined) throw new AppError("UNAUTHENTICATED", { message: invalidKeyMessage });
  const record = await findApiKeyByPrefix(db, { prefix });
  const presented = Buffer.from(hashApiKey(key), "hex");
  // Compare against a decoy when the prefix is unknown, so both paths do the same work.
  const stored = Buffer.from(record?.hash ?? decoyHash, "hex");
  const matches = stored.length === presented.length && timingSafeEqual(stored, presented);
  if (record === undefined || !matches) throw new AppError("UNAUTHENTICATED", { message: invalidKeyMessage });
  if (record.revokedAt !== null) throw new AppError("UNAUTHENTICATED", { message: invalidKeyMessage });
  if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("UNAUTHENTICATED", { message: invalidKeyMessage });
  }
  if (record.creatorRole === null || !isRole(record.creatorRole)) {
    throw new AppError("UNAUTHENTICATED", { message: invalidKeyMessage });
  }
  if (record.lastUsedAt === null || now.getTime() - record.lastUsedAt.getTime() >= apiKeyTouchIntervalMs) {
    await touchApiKeyUsed(db, { apiKeyId: record.id, now });
  }
  const granted = new Set<Scope>(scopesForRole(record.creatorRole));
  return {
    apiKeyId: record.id,
    workspaceId: record.workspaceId,
    userId: record.createdBy,
    scopes: record.scopes.filter((scope): scope is Scope => isScope(scope) && granted.has(scope)),
  };
}
