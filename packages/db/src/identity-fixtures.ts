import { randomBytes } from "node:crypto";
import type { Database } from "./database";
import { createWorkspaceWithOwner, type WorkspaceSummary } from "./queries/workspaces";
import { users, type WorkspaceRole, workspaceMembers } from "./schema";

/** Test support: small factories for identity rows. */
export async function insertTestUser(
  db: Database,
  values: { email?: string; name?: string } = {},
): Promise<{ id: string; email: string; name: string }> {
  const email = values.email ?? `u-${randomBytes(5).toString("hex")}@example.com`;
  const [row] = await db
    .insert(users)
    .values({ email, name: values.name ?? "Test User" })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (row === undefined) throw new Error("insertTestUser: no row");
  return row;
}

/** A workspace owned by a new user, plus that owner. */
export async function insertTestWorkspace(
  db: Database,
  name = "Test Workspace",
): Promise<{ workspace: WorkspaceSummary; owner: { id: string; email: string } }> {
  const owner = await insertTestUser(db);
  const workspace = await createWorkspaceWithOwner(db, { name, ownerId: owner.id });
  return { workspace, owner };
}

/** A new user added to `workspaceId` with `role`. */
export async function insertTestMember(
  db: Database,
  workspaceId: string,
  role: WorkspaceRole,
): Promise<{ id: string; email: string }> {
  const user = await insertTestUser(db);
  await db.insert(workspaceMembers).values({ workspaceId, userId: user.id, role });
  return user;
}
