import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { users, workspaceMembers } from "../schema";
import { getCallerOverview } from "./caller-overview";
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
 * The operator rule (ADR 0010) on an account already read: the first account ever created, or one whose
 * email is verified and listed in `operatorEmails` (lower-cased).
 */
export function isOperatorAccount(
  account: { isFirstUser: boolean; email: string; emailVerified: boolean },
  operatorEmails: readonly string[],
): boolean {
  return account.isFirstUser || (account.emailVerified && operatorEmails.includes(account.email));
}

/**
 * True when `userId` operates this instance (may read the mail outbox), by {@link isOperatorAccount};
 * one prepared read.
 */
export async function isInstanceOperator(
  db: Database,
  params: { userId: string; operatorEmails: readonly string[] },
): Promise<boolean> {
  const overview = await getCallerOverview(db, { userId: params.userId, workspaceId: null });
  return (
    overview !== undefined &&
    isOperatorAccount({ ...overview.user, isFirstUser: overview.isFirstUser }, params.operatorEmails)
  );
}
