import { AppError } from "@vitae/errors";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestMember, insertTestWorkspace } from "./identity-fixtures";
import {
  createInvitation,
  getMembership,
  listMembers,
  listPendingInvitations,
  removeMember,
  updateMemberRole,
} from "./index";
import { workspaceInvitations, workspaceMembers } from "./schema";
import { testDrivers } from "./test-drivers";

const missingId = "00000000-0000-4000-8000-000000000000";
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe.each(testDrivers)("members on $kind", ({ kind, open }) => {
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

  it("lists a workspace's members with email and name, and nobody else's", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const viewer = await insertTestMember(db, workspace.id, "viewer");
    const { workspace: other } = await insertTestWorkspace(db);
    await insertTestMember(db, other.id, "admin");
    const members = await listMembers(db, { workspaceId: workspace.id });
    expect(members.map((m) => [m.userId, m.email, m.role])).toEqual([
      [owner.id, owner.email, "owner"],
      [viewer.id, viewer.email, "viewer"],
    ]);
    expect(Object.keys(members[0] ?? {}).sort()).toEqual(["email", "joinedAt", "name", "role", "userId"]);
    await expect(listMembers(db, { workspaceId: "nope" })).resolves.toEqual([]);
  });

  it("creates invitations with a normalised email and lists only live pending ones of the workspace", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const invitation = await createInvitation(db, {
      workspaceId: workspace.id,
      email: "  New.Person@Example.COM ",
      role: "admin",
      inviterId: owner.id,
      expiresAt: inAWeek(),
    });
    expect(invitation).toMatchObject({ email: "new.person@example.com", role: "admin" });
    const expired = await createInvitation(db, {
      workspaceId: workspace.id,
      email: "late@example.com",
      role: "viewer",
      inviterId: owner.id,
      expiresAt: inAWeek(),
    });
    await db
      .update(workspaceInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(workspaceInvitations.id, expired.id));
    const { workspace: other, owner: otherOwner } = await insertTestWorkspace(db);
    await createInvitation(db, {
      workspaceId: other.id,
      email: "elsewhere@example.com",
      role: "member",
      inviterId: otherOwner.id,
      expiresAt: inAWeek(),
    });
    await expect(listPendingInvitations(db, { workspaceId: workspace.id })).resolves.toEqual([invitation]);
    // An explicit clock makes the expired one live again; the other workspace's never appears.
    const earlier = await listPendingInvitations(db, {
      workspaceId: workspace.id,
      now: new Date(Date.now() - 60_000),
    });
    expect(earlier.map((i) => i.id).sort()).toEqual([invitation.id, expired.id].sort());
  });

  it("refuses to invite an existing member or an email with a pending invitation, and unknown workspaces", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const base = {
      workspaceId: workspace.id,
      role: "member" as const,
      inviterId: owner.id,
      expiresAt: inAWeek(),
    };
    expect(await codeOf(createInvitation(db, { ...base, email: owner.email.toUpperCase() }))).toBe(
      "CONFLICT",
    );
    await createInvitation(db, { ...base, email: "twice@example.com" });
    expect(await codeOf(createInvitation(db, { ...base, email: "Twice@example.com" }))).toBe("CONFLICT");
    expect(
      await codeOf(createInvitation(db, { ...base, workspaceId: missingId, email: "x@example.com" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(createInvitation(db, { ...base, workspaceId: "bad", email: "x@example.com" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(createInvitation(db, { ...base, inviterId: missingId, email: "y@example.com" })),
    ).toBe("NOT_FOUND");
  });

  it("changes roles but never demotes the last owner", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const admin = await insertTestMember(db, workspace.id, "admin");
    expect(
      await codeOf(updateMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: "admin" })),
    ).toBe("CONFLICT");
    await expect(
      updateMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: "owner" }),
    ).resolves.toEqual({
      userId: owner.id,
      role: "owner",
    });
    await updateMemberRole(db, { workspaceId: workspace.id, userId: admin.id, role: "owner" });
    await updateMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: "viewer" });
    expect((await getMembership(db, { workspaceId: workspace.id, userId: owner.id }))?.role).toBe("viewer");
    expect(
      await codeOf(updateMemberRole(db, { workspaceId: workspace.id, userId: admin.id, role: "member" })),
    ).toBe("CONFLICT");
  });

  it("treats another workspace's member exactly like a missing one", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    const outsider = await insertTestMember(db, other.id, "member");
    expect(
      await codeOf(updateMemberRole(db, { workspaceId: workspace.id, userId: outsider.id, role: "admin" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(removeMember(db, { workspaceId: workspace.id, userId: outsider.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(removeMember(db, { workspaceId: workspace.id, userId: missingId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(removeMember(db, { workspaceId: "bad", userId: outsider.id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(updateMemberRole(db, { workspaceId: missingId, userId: outsider.id, role: "admin" })),
    ).toBe("NOT_FOUND");
    expect((await getMembership(db, { workspaceId: other.id, userId: outsider.id }))?.role).toBe("member");
  });

  it("removes members but never the last owner", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const member = await insertTestMember(db, workspace.id, "member");
    await removeMember(db, { workspaceId: workspace.id, userId: member.id });
    await expect(
      getMembership(db, { workspaceId: workspace.id, userId: member.id }),
    ).resolves.toBeUndefined();
    expect(await codeOf(removeMember(db, { workspaceId: workspace.id, userId: owner.id }))).toBe("CONFLICT");
    const second = await insertTestMember(db, workspace.id, "owner");
    await removeMember(db, { workspaceId: workspace.id, userId: owner.id });
    expect(await db.$count(workspaceMembers, eq(workspaceMembers.workspaceId, workspace.id))).toBe(1);
    expect((await getMembership(db, { workspaceId: workspace.id, userId: second.id }))?.role).toBe("owner");
  });

  it("lets exactly one of two concurrent owner demotions through", async () => {
    for (let round = 0; round < 5; round++) {
      const { workspace, owner } = await insertTestWorkspace(db);
      const second = await insertTestMember(db, workspace.id, "owner");
      const results = await Promise.allSettled([
        updateMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: "admin" }),
        removeMember(db, { workspaceId: workspace.id, userId: second.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
      const owners = (await listMembers(db, { workspaceId: workspace.id })).filter((m) => m.role === "owner");
      expect(owners, `round ${round} on ${kind}`).toHaveLength(1);
    }
  });
});
