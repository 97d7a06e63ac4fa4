import { auditLog } from "@vitae/db";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { addMember, authPost, call, createKey, createWorkspace, signUp } from "./identity";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
});
afterAll(async () => {
  await api?.cleanup();
});

async function auditActions() {
  const rows = await api.deps.db.select().from(auditLog).orderBy(desc(auditLog.createdAt));
  return rows.map((row) => row.action);
}

describe("sessions", () => {
  it("sign-up answers alike for new and existing emails, and never signs in by itself", async () => {
    const details = { email: "twice@example.com", password: "correct-horse-battery-staple", name: "Twice" };
    const first = await authPost(api, "sign-up/email", details);
    const second = await authPost(api, "sign-up/email", {
      ...details,
      password: "another-password-entirely",
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(Object.keys(second.body).sort()).toEqual(Object.keys(first.body).sort());
    expect(first.body.token).toBeNull();
    expect(second.body.token).toBeNull();
    expect(first.cookie).not.toContain("session_token");
    expect(second.cookie).not.toContain("session_token");
    // The account keeps its first password: the second sign-up changed nothing.
    const signIn = await authPost(api, "sign-in/email", { email: details.email, password: details.password });
    expect(signIn.status).toBe(200);
  });

  it("sign-in sets an httpOnly, SameSite=Lax session cookie (not Secure on loopback http)", async () => {
    await authPost(api, "sign-up/email", {
      email: "cookie-check@example.com",
      password: "correct-horse-battery-staple",
      name: "Cookie",
    });
    const result = await authPost(api, "sign-in/email", {
      email: "cookie-check@example.com",
      password: "correct-horse-battery-staple",
    });
    expect(result.status).toBe(200);
    const cookie = result.response.headers
      .getSetCookie()
      .find((value) => value.startsWith("vitae.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(result.body.user.email).toBe("cookie-check@example.com");
  });

  it("wrong password and unknown email fail identically", async () => {
    const user = await signUp(api, "Enum");
    const wrong = await authPost(api, "sign-in/email", { email: user.email, password: "not-the-password-1" });
    const unknown = await authPost(api, "sign-in/email", {
      email: "ghost@example.com",
      password: "not-the-password-1",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (body: { requestId?: string }) => ({ ...body, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(await auditActions()).toContain("auth.sign-in.failed");
  });

  it("a password change can end the other sessions, and sign-out ends this one", async () => {
    const user = await signUp(api, "Sessions");
    const second = await authPost(api, "sign-in/email", { email: user.email, password: user.password });
    expect(second.status).toBe(200);
    const changed = await authPost(
      api,
      "change-password",
      { currentPassword: user.password, newPassword: "another-long-password", revokeOtherSessions: true },
      second.cookie,
    );
    expect(changed.status).toBe(200);
    expect((await call(api, "auth.me", { cookie: user.cookie })).status).toBe(401);
    const current = changed.cookie || second.cookie;
    expect((await call(api, "auth.me", { cookie: current })).status).toBe(200);
    const signOut = await authPost(api, "sign-out", {}, current);
    expect(signOut.status).toBe(200);
    expect((await call(api, "auth.me", { cookie: current })).status).toBe(401);
    const actions = await auditActions();
    for (const action of [
      "auth.sign-up",
      "auth.sign-in.succeeded",
      "auth.session.revoked",
      "auth.sign-out",
    ]) {
      expect(actions).toContain(action);
    }
  });
});

describe("workspaces, members and keys", () => {
  it("runs the admin lifecycle and audits each step with actor, IP and request id", async () => {
    const owner = await signUp(api, "Owner");
    const workspaceId = await createWorkspace(api, owner, "Lifecycle Inc");
    const colleague = await signUp(api, "Colleague");
    await addMember(api, owner, colleague, "member");

    const promoted = await call(api, "members.updateRole", {
      cookie: owner.cookie,
      type: "mutation",
      input: { userId: colleague.userId, role: "admin" },
    });
    expect(promoted.body.result.data).toEqual({ userId: colleague.userId, role: "admin" });

    // An admin cannot make themself (or anyone) an owner, nor demote the owner.
    const escalate = await call(api, "members.updateRole", {
      cookie: colleague.cookie,
      type: "mutation",
      input: { userId: colleague.userId, role: "owner" },
    });
    expect(escalate.status).toBe(403);
    const demoteOwner = await call(api, "members.updateRole", {
      cookie: colleague.cookie,
      type: "mutation",
      input: { userId: owner.userId, role: "viewer" },
    });
    expect(demoteOwner.status).toBe(403);

    // The last owner cannot leave the workspace ownerless.
    const selfDemote = await call(api, "members.updateRole", {
      cookie: owner.cookie,
      type: "mutation",
      input: { userId: owner.userId, role: "admin" },
    });
    expect(selfDemote.status).toBe(409);
    expect(selfDemote.body.error.data.code).toBe("CONFLICT");

    const renamed = await call(api, "workspaces.rename", {
      cookie: colleague.cookie,
      type: "mutation",
      input: { name: "Renamed" },
    });
    expect(renamed.body.result.data.name).toBe("Renamed");

    const { id: keyId, key } = await createKey(api, owner, ["members:read", "usage:read"]);
    expect(key).toMatch(/^vk_/);
    const listed = await call(api, "apiKeys.list", { cookie: owner.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const viaKey = await call(api, "auth.me", { key });
    expect(viaKey.body.result.data).toMatchObject({
      principal: { kind: "apiKey" },
      workspace: { id: workspaceId, role: null },
    });
    expect((await call(api, "members.list", { key })).status).toBe(200);
    await call(api, "apiKeys.revoke", { cookie: owner.cookie, type: "mutation", input: { apiKeyId: keyId } });
    expect((await call(api, "members.list", { key })).status).toBe(401);

    const usage = await call(api, "usage.current", { cookie: owner.cookie });
    expect(usage.body.result.data.plan).toBe("free");
    expect(usage.body.result.data.requests.used).toBeGreaterThan(0);

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: { limit: 100 } });
    const items = audit.body.result.data.items as Array<Record<string, unknown>>;
    const actions = items.map((item) => item.action);
    for (const action of [
      "workspaces.create",
      "members.invite",
      "members.update-role",
      "workspaces.rename",
      "api-keys.create",
      "api-keys.revoke",
    ]) {
      expect(actions).toContain(action);
    }
    const roleChange = items.find((item) => item.action === "members.update-role");
    expect(roleChange).toMatchObject({
      actorId: owner.userId,
      actorEmail: owner.email,
      ip: "127.0.0.1",
      targetId: colleague.userId,
    });
    expect(roleChange?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(roleChange?.metadata).toEqual({ from: "member", to: "admin" });

    const filtered = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "api-keys.revoke" },
    });
    expect(filtered.body.result.data.items.map((item: { action: string }) => item.action)).toEqual([
      "api-keys.revoke",
    ]);
    const firstPage = await call(api, "audit.list", { cookie: owner.cookie, input: { limit: 2 } });
    const secondPage = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { limit: 2, cursor: firstPage.body.result.data.nextCursor },
    });
    const ids = [...firstPage.body.result.data.items, ...secondPage.body.result.data.items].map(
      (item: { id: string }) => item.id,
    );
    expect(new Set(ids).size).toBe(4);

    const removed = await call(api, "members.remove", {
      cookie: owner.cookie,
      type: "mutation",
      input: { userId: colleague.userId },
    });
    expect(removed.status).toBe(200);
  });

  it("switches the active workspace only to one the user belongs to", async () => {
    const user = await signUp(api, "Switcher");
    const first = await createWorkspace(api, user, "First");
    const second = await createWorkspace(api, user, "Second");
    const listed = await call(api, "workspaces.list", { cookie: user.cookie });
    expect(listed.body.result.data.find((w: { isActive: boolean }) => w.isActive).id).toBe(second);
    await call(api, "workspaces.switch", {
      cookie: user.cookie,
      type: "mutation",
      input: { workspaceId: first },
    });
    expect((await call(api, "auth.me", { cookie: user.cookie })).body.result.data.workspace.id).toBe(first);
    const stranger = await signUp(api, "Stranger");
    const denied = await call(api, "workspaces.switch", {
      cookie: stranger.cookie,
      type: "mutation",
      input: { workspaceId: first },
    });
    expect(denied.status).toBe(404);
  });
});
