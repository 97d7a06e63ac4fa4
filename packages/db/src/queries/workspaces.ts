import { randomBytes } from "node:crypto";
import { AppError } from "@vitae/errors";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type WorkspacePlan, type WorkspaceRole, workspaceMembers, workspaces } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation, isUniqueViolation } from "./pg-errors";

/** A workspace as listed for one of its members. */
export interface WorkspaceForUser {
  id: string;
  name: string;
  slug: string;
  plan: WorkspacePlan;
  role: WorkspaceRole;
  createdAt: Date;
}

/** A workspace's public fields. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  plan: WorkspacePlan;
  createdAt: Date;
}

/** A user's membership in one workspace, with what `auth.me` shows about the workspace. */
export interface Membership {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  workspaceName: string;
  workspaceSlug: string;
  plan: WorkspacePlan;
  joinedAt: Date;
}

const workspaceSummaryColumns = {
  id: workspaces.id,
  name: workspaces.name,
  slug: workspaces.slug,
  plan: workspaces.plan,
  createdAt: workspaces.createdAt,
};

/** Every workspace `userId` belongs to, with the user's role, ordered by name. */
export async function listWorkspacesForUser(
  db: Database,
  params: { userId: string },
): Promise<WorkspaceForUser[]> {
  if (!isUuid(params.userId)) return [];
  return db
    .select({ ...workspaceSummaryColumns, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, params.userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

function prepareGetMembership(db: Database) {
  // Named: resolvePrincipal runs this on every authenticated request.
  return db
    .select({
      workspaceId: workspaceMembers.workspaceId,
      userId: workspaceMembers.userId,
      role: workspaceMembers.role,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
      plan: workspaces.plan,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(
      and(
        eq(workspaceMembers.workspaceId, sql.placeholder("workspaceId")),
        eq(workspaceMembers.userId, sql.placeholder("userId")),
      ),
    )
    .limit(1)
    .prepare("vitae_get_membership");
}

const preparedGetMembership = new WeakMap<Database, ReturnType<typeof prepareGetMembership>>();

/**
 * The membership of `userId` in `workspaceId`, or `undefined` when there is none (including malformed
 * ids). The authority on "may this user act in this workspace, and as what": read on every request.
 */
export async function getMembership(
  db: Database,
  params: { workspaceId: string; userId: string },
): Promise<Membership | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.userId)) return undefined;
  let prepared = preparedGetMembership.get(db);
  if (prepared === undefined) {
    prepared = prepareGetMembership(db);
    preparedGetMembership.set(db, prepared);
  }
  const [row] = await prepared.execute({ workspaceId: params.workspaceId, userId: params.userId });
  return row;
}

/** Lower-case ASCII words joined by `-`, at most 40 characters; `workspace` when nothing is left. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base === "" ? "workspace" : base;
}

/** Parameters of {@link createWorkspaceWithOwner}. */
export interface CreateWorkspaceParams {
  name: string;
  ownerId: string;
}

const slugAttempts = 5;

/**
 * Creates a workspace and makes `ownerId` its owner in one transaction, so a workspace never exists
 * without an owner. The slug is `slugify(name)` plus a random suffix; on the (unlikely) collision it
 * retries with a new suffix. Throws `AppError("BAD_REQUEST")` for a blank name and
 * `AppError("NOT_FOUND")` when the owner does not exist.
 */
export async function createWorkspaceWithOwner(
  db: Database,
  params: CreateWorkspaceParams,
): Promise<WorkspaceSummary> {
  const name = params.name.trim();
  if (name === "") throw new AppError("BAD_REQUEST", { message: "A workspace needs a name." });
  if (!isUuid(params.ownerId)) throw new AppError("NOT_FOUND");
  const base = slugify(name);
  for (let attempt = 1; ; attempt++) {
    const slug = `${base}-${randomBytes(4).toString("hex")}`;
    try {
      return await db.transaction(async (tx) => {
        const [workspace] = await tx
          .insert(workspaces)
          .values({ name, slug })
          .returning(workspaceSummaryColumns);
        if (workspace === undefined)
          throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
        await tx
          .insert(workspaceMembers)
          .values({ workspaceId: workspace.id, userId: params.ownerId, role: "owner" });
        return workspace;
      });
    } catch (error) {
      if (isUniqueViolation(error, "workspaces_slug_key") && attempt < slugAttempts) continue;
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
      throw error;
    }
  }
}

/**
 * Renames `workspaceId`. Returns the workspace, or throws `AppError("NOT_FOUND")` when it does not
 * exist; `AppError("BAD_REQUEST")` for a blank name. The slug is kept: links that use it stay valid.
 */
export async function renameWorkspace(
  db: Database,
  params: { workspaceId: string; name: string },
): Promise<WorkspaceSummary> {
  const name = params.name.trim();
  if (name === "") throw new AppError("BAD_REQUEST", { message: "A workspace needs a name." });
  if (!isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .update(workspaces)
    .set({ name })
    .where(eq(workspaces.id, params.workspaceId))
    .returning(workspaceSummaryColumns);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return row;
}

/** The plan of `workspaceId` (for limits and quotas of public share-link traffic); undefined when missing. */
export async function getWorkspacePlan(
  db: Database,
  params: { workspaceId: string },
): Promise<WorkspacePlan | undefined> {
  if (!isUuid(params.workspaceId)) return undefined;
  const [row] = await db
    .select({ plan: workspaces.plan })
    .from(workspaces)
    .where(eq(workspaces.id, params.workspaceId))
    .limit(1);
  return row?.plan;
}
