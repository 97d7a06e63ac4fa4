import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestMember, insertTestUser, insertTestWorkspace } from "./identity-fixtures";
import {
  getCallerOverview,
  getStartWorkspaceId,
  insertAccountAuditEvent,
  insertOutboxMessage,
  isInstanceOperator,
  listOutboxMessages,
  rememberActiveWorkspace,
} from "./index";
import { auditLog, mailOutbox, users, workspaceMembers } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("account events, start workspace, operators and outbox on $kind", ({ open }) => {
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

  it("the first account is an operator; listed emails only once verified", async () => {
    const first = await insertTestUser(db);
    const listed = await insertTestUser(db, { email: "ops@example.com" });
    const other = await insertTestUser(db);
    const operatorEmails = ["ops@example.com"];
    expect(await isInstanceOperator(db, { userId: first.id, operatorEmails })).toBe(true);
    expect(await isInstanceOperator(db, { userId: other.id, operatorEmails })).toBe(false);
    // Anyone can sign up with a listed address: it counts only once its owner proved it is theirs.
    expect(await isInstanceOperator(db, { userId: listed.id, operatorEmails })).toBe(false);
    await db.update(users).set({ emailVerified: true }).where(eq(users.id, listed.id));
    expect(await isInstanceOperator(db, { userId: listed.id, operatorEmails })).toBe(true);
    expect(await isInstanceOperator(db, { userId: listed.id, operatorEmails: [] })).toBe(false);
  });

  it("the caller overview reads profile, first-account flag and one membership in one statement", async () => {
    const { workspace, owner } = await insertTestWorkspace(db, "Overview");
    const { workspace: foreign } = await insertTestWorkspace(db, "Not theirs");
    const overview = await getCallerOverview(db, { userId: owner.id, workspaceId: workspace.id });
    expect(overview).toEqual({
      user: { id: owner.id, email: owner.email, name: expect.any(String), emailVerified: false },
      isFirstUser: false,
      membership: { workspaceId: workspace.id, workspaceName: "Overview", role: "owner", plan: "free" },
    });
    // Twice more through the prepared statement: another workspace, and none asked for.
    expect(
      (await getCallerOverview(db, { userId: owner.id, workspaceId: foreign.id }))?.membership,
    ).toBeNull();
    expect((await getCallerOverview(db, { userId: owner.id, workspaceId: null }))?.membership).toBeNull();
    expect(
      (await getCallerOverview(db, { userId: owner.id, workspaceId: "not-a-uuid" }))?.membership,
    ).toBeNull();
    await expect(getCallerOverview(db, { userId: "not-a-uuid", workspaceId: null })).resolves.toBeUndefined();
    await expect(
      getCallerOverview(db, { userId: "00000000-0000-4000-8000-000000000000", workspaceId: workspace.id }),
    ).resolves.toBeUndefined();
  });

  it("a new session starts in the remembered workspace, else the first joined, else none", async () => {
    const { workspace: first, owner } = await insertTestWorkspace(db, "First");
    const { workspace: second } = await insertTestWorkspace(db, "Second");
    await db.insert(workspaceMembers).values({ workspaceId: second.id, userId: owner.id, role: "viewer" });
    expect(await getStartWorkspaceId(db, { userId: owner.id })).toBe(first.id);
    await rememberActiveWorkspace(db, { userId: owner.id, workspaceId: second.id });
    expect(await getStartWorkspaceId(db, { userId: owner.id })).toBe(second.id);
    // Removed from the remembered workspace: back to one they still belong to.
    await db.delete(workspaceMembers).where(eq(workspaceMembers.workspaceId, second.id));
    expect(await getStartWorkspaceId(db, { userId: owner.id })).toBe(first.id);
    const loner = await insertTestUser(db);
    expect(await getStartWorkspaceId(db, { userId: loner.id })).toBeNull();
  });

  it("account events land in each of the account's workspaces, unknown emails in none", async () => {
    const { workspace: a, owner } = await insertTestWorkspace(db, "Audit A");
    const { workspace: b } = await insertTestWorkspace(db, "Audit B");
    await db.insert(workspaceMembers).values({ workspaceId: b.id, userId: owner.id, role: "member" });
    const written = await insertAccountAuditEvent(db, {
      account: { userId: owner.id },
      actorType: "user",
      actorId: owner.id,
      action: "auth.sign-in.succeeded",
      ip: "127.0.0.1",
      metadata: { userAgent: "test" },
    });
    expect(written).toBe(2);
    const rows = await db.select().from(auditLog).where(eq(auditLog.actorId, owner.id));
    expect(rows.map((row) => row.workspaceId).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({ action: "auth.sign-in.succeeded", ip: "127.0.0.1" });

    const member = await insertTestMember(db, a.id, "viewer");
    await insertAccountAuditEvent(db, {
      account: { email: ` ${member.email.toUpperCase()} ` },
      actorType: "user",
      actorId: null,
      action: "auth.sign-in.failed.test",
    });
    await insertAccountAuditEvent(db, {
      account: { email: "nobody-here@example.com" },
      actorType: "user",
      actorId: null,
      action: "auth.sign-in.failed.test",
    });
    const failed = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign-in.failed.test"));
    expect(failed.map((row) => row.workspaceId).sort()).toEqual([a.id, null].sort());
  });

  it("the outbox lists live messages newest first and drops expired ones", async () => {
    const past = new Date(Date.now() - 1000);
    await db.insert(mailOutbox).values({
      toEmail: "old@example.com",
      subject: "Old",
      body: "old",
      link: "http://localhost/old",
      expiresAt: past,
    });
    await insertOutboxMessage(db, {
      toEmail: "new@example.com",
      subject: "Verify",
      body: "Open the link",
      link: "http://localhost/verify",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const listed = await listOutboxMessages(db);
    expect(listed.map((message) => message.toEmail)).toEqual(["new@example.com"]);
    const stored = await db.select({ toEmail: mailOutbox.toEmail }).from(mailOutbox);
    expect(stored.map((row) => row.toEmail)).toEqual(["new@example.com"]);
  });
});
