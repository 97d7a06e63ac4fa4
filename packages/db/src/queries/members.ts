import { AppError } from "@vitae/errors";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../database";
import { users, type WorkspaceRole, workspaceInvitations, workspaceMembers, workspaces } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/** A member as listed to other members (no credentials). */
export interface MemberSummary {
  userId: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  joinedAt: Date;
}

/** A pending invitation as listed to admins. */
export interface InvitationSummary {
  id: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: Date;
}

const invitationColumns = {
  id: workspaceInvitations.id,
  email: workspaceInvitations.email,
  role: workspaceInvitations.role,
  expiresAt: workspaceInvitations.expiresAt,
};

/** Members of `workspaceId` with their email and name, oldest first; empty for an unknown workspace. */
export async function listMembers(db: Database, params: { workspaceId: string }): Promise<MemberSummary[]> {
  if (!isUuid(params.workspaceId)) return [];
  return db
    .select({
      userId: workspaceMembers.userId,
      email: users.email,
      name: users.name,
      role: workspaceMembers.role,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, params.workspaceId))
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaceMembers.userId));
}

/** Invitations of `workspaceId` still `pending` and not expired at `now` (default: the database clock). */
export async function listPendingInvitations(
  db: Database,
  params: { workspaceId: string; now?: Date },
): Promise<InvitationSummary[]> {
  if (!isUuid(params.workspaceId)) return [];
  return db
    .select(invitationColumns)
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.workspaceId, params.workspaceId),
        eq(workspaceInvitations.status, "pending"),
        gt(workspaceInvitations.expiresAt, params.now ?? sql`now()`),
      ),
    )
    .orderBy(asc(workspaceInvitations.createdAt), asc(workspaceInvitations.id));
}

/** Parameters of {@link createInvitation}. */
export interface CreateInvitationParams {
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
  inviterId: string;
  expiresAt: Date;
}

/**
 * Invites `email` (trimmed, lower-cased — better-auth compares lower-cased emails) to `workspaceId`.
 * Throws `AppError("CONFLICT")` when that email already belongs to a member or has a live pending
 * invitation, `AppError("NOT_FOUND")` when the workspace does not exist. Both checks and the insert run
 * under a lock on the workspace row, so two concurrent invitations of one email cannot both succeed.
 */
export async function createInvitation(
  db: Database,
  params: CreateInvitationParams,
): Promise<InvitationSummary> {
  const email = params.email.trim().toLowerCase();
  if (!isUuid(params.workspaceId) || !isUuid(params.inviterId)) throw new AppError("NOT_FOUND");
  try {
    return await db.transaction(async (tx) => {
      await lockWorkspace(tx, params.workspaceId);
      const [member] = await tx
        .select({ userId: workspaceMembers.userId })
        .from(workspaceMembers)
        .innerJoin(users, eq(users.id, workspaceMembers.userId))
        .where(and(eq(workspaceMembers.workspaceId, params.workspaceId), eq(users.email, email)))
        .limit(1);
      if (member !== undefined) {
        throw new AppError("CONFLICT", { message: "This person is already a member of the workspace." });
      }
      const [pending] = await tx
        .select({ id: workspaceInvitations.id })
        .from(workspaceInvitations)
        .where(
          and(
            eq(workspaceInvitations.workspaceId, params.workspaceId),
            eq(workspaceInvitations.email, email),
            eq(workspaceInvitations.status, "pending"),
            gt(workspaceInvitations.expiresAt, sql`now()`),
          ),
        )
        .limit(1);
      if (pending !== undefined) {
        throw new AppError("CONFLICT", { message: "This email already has a pending invitation." });
      }
      const [row] = await tx
        .insert(workspaceInvitations)
        .values({
          workspaceId: params.workspaceId,
          email,
          role: params.role,
          inviterId: params.inviterId,
          expiresAt: params.expiresAt,
        })
        .returning(invitationColumns);
      if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
      return row;
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Takes a row lock on the workspace for the rest of the transaction: the per-workspace mutex that
 * serialises membership changes, so "is there another owner?" cannot be answered by two concurrent
 * transactions at once. Throws `AppError("NOT_FOUND")` when the workspace does not exist.
 */
async function lockWorkspace(tx: Transaction, workspaceId: string): Promise<void> {
  const [row] = await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  if (row === undefined) throw new AppError("NOT_FOUND");
}

/** Locks the workspace, then returns the target's role and the number of owners. */
async function lockMembership(
  tx: Transaction,
  params: { workspaceId: string; userId: string },
): Promise<{ role: WorkspaceRole; owners: number }> {
  await lockWorkspace(tx, params.workspaceId);
  const [target] = await tx
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(
      and(eq(workspaceMembers.workspaceId, params.workspaceId), eq(workspaceMembers.userId, params.userId)),
    );
  if (target === undefined) throw new AppError("NOT_FOUND");
  const [count] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, params.workspaceId), eq(workspaceMembers.role, "owner")));
  return { role: target.role, owners: count?.owners ?? 0 };
}

const lastOwnerMessage = "A workspace needs at least one owner; make someone else an owner first.";

/**
 * Sets the role of member `userId` in `workspaceId`. Throws `AppError("NOT_FOUND")` when they are not a
 * member (or the workspace is another tenant's), and `AppError("CONFLICT")` when this would demote the
 * last owner — checked and written under the workspace lock, so two concurrent demotions of the only
 * two owners cannot both succeed. Who may grant or revoke `owner` is the caller's rule, not this one's.
 */
export async function updateMemberRole(
  db: Database,
  params: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<{ userId: string; role: WorkspaceRole }> {
  if (!isUuid(params.workspaceId) || !isUuid(params.userId)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const { role, owners } = await lockMembership(tx, params);
    if (role === "owner" && params.role !== "owner" && owners <= 1) {
      throw new AppError("CONFLICT", { message: lastOwnerMessage });
    }
    await tx
      .update(workspaceMembers)
      .set({ role: params.role })
      .where(
        and(eq(workspaceMembers.workspaceId, params.workspaceId), eq(workspaceMembers.userId, params.userId)),
      );
    return { userId: params.userId, role: params.role };
  });
}

/**
 * Removes member `userId` from `workspaceId`. Throws `AppError("NOT_FOUND")` when they are not a member
 * and `AppError("CONFLICT")` when they are the last owner (same locking as {@link updateMemberRole}).
 * Their sessions lose the workspace on the next request (membership is re-checked per request) and the
 * API keys they created stop working (a key acts for its creator).
 */
export async function removeMember(
  db: Database,
  params: { workspaceId: string; userId: string },
): Promise<void> {
  if (!isUuid(params.workspaceId) || !isUuid(params.userId)) throw new AppError("NOT_FOUND");
  await db.transaction(async (tx) => {
    const { role, owners } = await lockMembership(tx, params);
    if (role === "owner" && owners <= 1) throw new AppError("CONFLICT", { message: lastOwnerMessage });
    await tx
      .delete(workspaceMembers)
      .where(
        and(eq(workspaceMembers.workspaceId, params.workspaceId), eq(workspaceMembers.userId, params.userId)),
      );
  });
}
