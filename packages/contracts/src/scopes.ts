import { z } from "zod";
import type { Role } from "./roles";

/**
 * Every permission a caller can hold, each with the sentence the UI shows for it. Sessions carry all
 * scopes of their role; API keys carry the subset they were created with (never more than the creator's
 * role grants). Appending a scope means writing its sentence here and deciding which roles hold it below.
 */
export const scopeDescriptions = {
  "workspace:read": "Read workspace details",
  "workspace:write": "Rename the workspace",
  "members:read": "List members",
  "members:write": "Invite, change roles and remove members",
  "api-keys:read": "List API keys",
  "api-keys:write": "Revoke API keys",
  "audit:read": "Read the audit log",
  "usage:read": "Read usage and limits",
  "documents:read": "List and download documents, read profiles",
  "documents:write": "Upload and delete documents, correct profiles",
  "chat:ask": "Ask profiles questions, by text or voice",
  "share-links:write": "Create, list and revoke public share links",
  "postings:read": "Read job postings and score profiles against them",
  "postings:write": "Add and delete job postings",
  "imports:read": "Read spreadsheet imports: what was detected and how columns map",
  "imports:write": "Upload, map and delete spreadsheet imports",
} as const satisfies Record<string, string>;

/** One scope. */
export type Scope = keyof typeof scopeDescriptions;

/** Every scope, in the order the UI lists them. */
export const scopes = Object.keys(scopeDescriptions) as Scope[];

/** Input schema for a scope. */
export const scopeSchema = z.enum(scopes as [Scope, ...Scope[]]);

/** True for one of {@link scopes}. */
export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && Object.hasOwn(scopeDescriptions, value);
}

const readerScopes: ReadonlySet<Scope> = new Set<Scope>([
  "workspace:read",
  "members:read",
  "usage:read",
  "documents:read",
  "chat:ask",
  "postings:read",
  "imports:read",
]);
// Members also work with documents and imports and share them; viewers only read and ask.
const memberScopes: ReadonlySet<Scope> = new Set<Scope>([
  ...readerScopes,
  "documents:write",
  "share-links:write",
  "postings:write",
  "imports:write",
]);

const scopesByRole: Readonly<Record<Role, readonly Scope[]>> = {
  owner: scopes,
  admin: scopes,
  member: scopes.filter((scope) => memberScopes.has(scope)),
  viewer: scopes.filter((scope) => readerScopes.has(scope)),
};

/** The scopes a role grants, in {@link scopes} order. A new array each call (callers may keep it). */
export function scopesForRole(role: Role): Scope[] {
  return [...scopesByRole[role]];
}
