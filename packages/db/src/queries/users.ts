import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { users, workspaceMembers } from "../schema";
import { isUuid } from "./ids";

/** A user's public profile (never credentials). */
export interface UserProfile {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
}

/** The profile of `userId`, or `undefined` when there is none. For `auth.me` and API-key principals. */
export async function getUserProfile(
  db: Database,
  params: { userId: string },
): Promise<UserProfile | undefined> {
  if (!isUuid(params.userId)) return undefined;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.id, params.userId))
    .limit(1);
  return row;
}

/**
 * Remembers `workspaceId` as the workspace `userId` last worked in, so their next session starts there.
 * A no-op for malformed ids.
 */
export async function rememberActiveWorkspace(
  db: Database,
  params: { userId: string; workspaceId: string },
): Promise<void> {
  if (!isUuid(params.userId) || !isUuid(params.workspaceId)) return;
  await db
    .update(users)
    .set({ lastActiveWorkspaceId: params.workspaceId })
    .where(eq(users.id, params.userId));
}

/**
 * The workspace a new session of `userId` starts in: the one they last worked in while they are still
 * a member of it, otherwise the one they joined first; `null` without any membership.
 */
export async function getStartWorkspaceId(db: Database, params: { userId: string }): Promise<string | null> {
  if (!isUuid(params.userId)) return null;
  const [row] = await db
    .select({ workspaceId: workspaceMembers.workspaceId })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.userId, params.userId))
    // The remembered workspace first (false sorts before true), then by join order.
    .orderBy(
      sql`${workspaceMembers.workspaceId} is distinct from ${users.lastActiveWorkspaceId}`,
      asc(workspaceMembers.createdAt),
      asc(workspaceMembers.workspaceId),
    )
    .limit(1);
  return row?.workspaceId ?? null;
}

/**
 * True when `userId` operates this instance (may read the mail outbox): the first account ever created,
 * or an account whose email is verified and listed in `operatorEmails` (lower-cased).
 */
export async function isInstanceOperator(
  db: Database,
  params: { userId: string; operatorEmails: readonly string[] },
): Promise<boolean> {
  if (!isUuid(params.userId)) return false;
  const [first] = await db
    .select({ id: users.id })
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (first?.id === params.userId) return true;
  if (params.operatorEmails.length === 0) return false;
  const [listed] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, params.userId),
        eq(users.emailVerified, true),
        inArray(users.email, [...params.operatorEmails]),
      ),
    )
    .limit(1);
  return listed !== undefined;
}
