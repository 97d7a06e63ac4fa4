import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { users, type WorkspacePlan, type WorkspaceRole, workspaceMembers, workspaces } from "../schema";
import { isUuid } from "./ids";
import type { UserProfile } from "./users";

/** What `auth.me` shows a caller, read in one statement. */
export interface CallerOverview {
  user: UserProfile;
  /** The instance's first account (an operator by ADR 0010). */
  isFirstUser: boolean;
  /** The caller's membership of the workspace asked about; null when none was asked or there is none. */
  membership: { workspaceId: string; workspaceName: string; role: WorkspaceRole; plan: WorkspacePlan } | null;
}

const noWorkspace = "00000000-0000-0000-0000-000000000000";

/**
 * The statement behind {@link getCallerOverview}, unprepared (its placeholders: `userId`,
 * `workspaceId`); exported for the test that checks its plan stays an index probe as users grow.
 */
export function callerOverviewQuery(db: Database) {
  const firstUser = db
    .select({ id: users.id })
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerified: users.emailVerified,
      isFirstUser: sql<boolean>`${users.id} = (${firstUser})`.mapWith(Boolean),
      workspaceId: workspaceMembers.workspaceId,
      workspaceName: workspaces.name,
      role: workspaceMembers.role,
      plan: workspaces.plan,
    })
    .from(users)
    .leftJoin(
      workspaceMembers,
      and(
        eq(workspaceMembers.userId, users.id),
        eq(workspaceMembers.workspaceId, sql`${sql.placeholder("workspaceId")}::uuid`),
      ),
    )
    .leftJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(users.id, sql.placeholder("userId")))
    .limit(1);
}

function prepareCallerOverview(db: Database) {
  // Named and prepared: `auth.me` runs it on every call (a client's first request and every refocus), so
  // it is one round trip with no query building instead of three reads one after the other.
  return callerOverviewQuery(db).prepare("vitae_get_caller_overview");
}

const preparedCallerOverview = new WeakMap<Database, ReturnType<typeof prepareCallerOverview>>();

/**
 * `userId`'s profile, whether they are the instance's first account, and their membership of
 * `workspaceId` (when given) — `undefined` when the user does not exist (or the id is malformed).
 */
export async function getCallerOverview(
  db: Database,
  params: { userId: string; workspaceId: string | null },
): Promise<CallerOverview | undefined> {
  if (!isUuid(params.userId)) return undefined;
  const workspaceId =
    params.workspaceId !== null && isUuid(params.workspaceId) ? params.workspaceId : noWorkspace;
  let prepared = preparedCallerOverview.get(db);
  if (prepared === undefined) {
    prepared = prepareCallerOverview(db);
    preparedCallerOverview.set(db, prepared);
  }
  const [row] = await prepared.execute({ userId: params.userId, workspaceId });
  if (row === undefined) return undefined;
  const { workspaceId: memberOf, workspaceName, role, plan, isFirstUser, ...user } = row;
  return {
    user,
    isFirstUser,
    membership:
      memberOf !== null && workspaceName !== null && role !== null && plan !== null
        ? { workspaceId: memberOf, workspaceName, role, plan }
        : null,
  };
}
