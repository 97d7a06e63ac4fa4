import { AppError } from "@vitae/errors";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestMember, insertTestUser, insertTestWorkspace } from "./identity-fixtures";
import {
  createWorkspaceWithOwner,
  getMembership,
  getUserProfile,
  listWorkspacesForUser,
  renameWorkspace,
} from "./index";
import { workspaceMembers, workspaces } from "./schema";
import { testDrivers } from "./test-drivers";

const missingId = "00000000-0000-4000-8000-000000000000";

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe.each(testDrivers)("workspaces on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  it("creates a workspace with its creator as owner and a unique slug per call", async () => {
    const owner = await insertTestUser(db);
    const first = await createWorkspaceWithOwner(db, { name: "  Acme Corp ", ownerId: owner.id });
    const second = await createWorkspaceWithOwner(db, { name: "Acme Corp", ownerId: owner.id });
    expect(first).toMatchObject({ name: "Acme Corp", plan: "free" });
    expect(first.slug).toMatch(/^acme-corp-[0-9a-f]{8}$/);
    expect(second.slug).not.toBe(first.slug);
    await expect(getMembership(db, { workspaceId: first.id, userId: owner.id })).resolves.toMatchObject({
      role: "owner",
      workspaceName: "Acme Corp",
      workspaceSlug: first.slug,
      plan: "free",
    });
  });

  it("rolls back the workspace when the owner does not exist", async () => {
    const before = await db.$count(workspaces);
    expect(await codeOf(createWorkspaceWithOwner(db, { name: "Orphan", ownerId: missingId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(createWorkspaceWithOwner(db, { name: "Orphan", ownerId: "nope" }))).toBe("NOT_FOUND");
    expect(await db.$count(workspaces)).toBe(before);
  });

  it("refuses a blank name", async () => {
    const owner = await insertTestUser(db);
    expect(await codeOf(createWorkspaceWithOwner(db, { name: "   ", ownerId: owner.id }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("lists only the caller's workspaces, with their role in each, by name", async () => {
    const { workspace: a, owner } = await insertTestWorkspace(db, "Beta");
    const { workspace: b } = await insertTestWorkspace(db, "Alpha");
    await db.insert(workspaceMembers).values({ workspaceId: b.id, userId: owner.id, role: "viewer" });
    await insertTestWorkspace(db, "Not Mine");
    const listed = await listWorkspacesForUser(db, { userId: owner.id });
    expect(listed.map((w) => [w.name, w.role])).toEqual([
      ["Alpha", "viewer"],
      ["Beta", "owner"],
    ]);
    expect(listed[1]).toEqual({ ...a, role: "owner" });
    await expect(listWorkspacesForUser(db, { userId: "nope" })).resolves.toEqual([]);
  });

  it("returns no membership for another workspace, a missing one or malformed ids", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    await expect(getMembership(db, { workspaceId: other.id, userId: owner.id })).resolves.toBeUndefined();
    await expect(getMembership(db, { workspaceId: missingId, userId: owner.id })).resolves.toBeUndefined();
    await expect(getMembership(db, { workspaceId: "x", userId: owner.id })).resolves.toBeUndefined();
    await expect(getMembership(db, { workspaceId: workspace.id, userId: "x" })).resolves.toBeUndefined();
    // Prepared statement reused with different parameters.
    await expect(getMembership(db, { workspaceId: workspace.id, userId: owner.id })).resolves.toMatchObject({
      role: "owner",
    });
  });

  it("renames a workspace, keeps its slug, and 404s for missing or malformed ids", async () => {
    const { workspace } = await insertTestWorkspace(db, "Old");
    const renamed = await renameWorkspace(db, { workspaceId: workspace.id, name: " New name " });
    expect(renamed).toMatchObject({ id: workspace.id, name: "New name", slug: workspace.slug });
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(row?.updatedAt.getTime()).toBeGreaterThanOrEqual(workspace.createdAt.getTime());
    expect(await codeOf(renameWorkspace(db, { workspaceId: missingId, name: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(renameWorkspace(db, { workspaceId: "bad", name: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(renameWorkspace(db, { workspaceId: workspace.id, name: "" }))).toBe("BAD_REQUEST");
  });

  it("refuses a role or plan outside the closed lists at the database", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const user = await insertTestUser(db);
    await expect(
      db
        .insert(workspaceMembers)
        .values({ workspaceId: workspace.id, userId: user.id, role: "admin,member" as "admin" }),
    ).rejects.toThrow();
    await expect(
      db
        .update(workspaces)
        .set({ plan: "enterprise" as "pro" })
        .where(eq(workspaces.id, workspace.id)),
    ).rejects.toThrow();
    await expect(insertTestMember(db, workspace.id, "viewer")).resolves.toBeDefined();
  });

  it("reads a user's public profile only", async () => {
    const user = await insertTestUser(db, { name: "Ada" });
    await expect(getUserProfile(db, { userId: user.id })).resolves.toEqual({
      id: user.id,
      email: user.email,
      name: "Ada",
      emailVerified: false,
    });
    await expect(getUserProfile(db, { userId: missingId })).resolves.toBeUndefined();
    await expect(getUserProfile(db, { userId: "nope" })).resolves.toBeUndefined();
  });
});
