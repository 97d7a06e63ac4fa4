import {
  accounts,
  apiKeys,
  createWorkspaceWithOwner,
  findApiKeyByPrefix,
  getMembership,
  getUserProfile,
  insertAuditEvent,
  listApiKeys,
  listAuditEvents,
  listMembers,
  listPendingInvitations,
  listWorkspacesForUser,
  removeMember,
  revokeApiKey,
  updateMemberRole,
  workspaceMembers,
  workspaces,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, verifyApiKey } from "./api-keys";
import { resolvePrincipal } from "./principal";
import { scopes } from "./roles";
import { type AuthHarness, openAuthHarness, type TestUser } from "./test-harness";

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("resolvePrincipal and API keys on PostgreSQL", () => {
  let harness: AuthHarness;

  beforeAll(async () => {
    harness = await openAuthHarness("postgres");
  });
  afterAll(async () => {
    await harness.close();
  });

  const resolve = (headers: Record<string, string>) =>
    resolvePrincipal({ auth: harness.auth, db: harness.db, headers: new Headers(headers) });

  async function userWithWorkspace(): Promise<{ user: TestUser; workspaceId: string }> {
    const user = await harness.signUp();
    const created = await harness.request("/organization/create", {
      body: { name: "Workspace", slug: `ws-${user.id}` },
      cookie: user.cookie,
    });
    expect(created.status).toBe(200);
    return { user, workspaceId: ((await created.json()) as { id: string }).id };
  }

  it("returns null without credentials or with a stale cookie", async () => {
    await expect(resolve({})).resolves.toBeNull();
    await expect(resolve({ cookie: "vitae.session_token=forged.value" })).resolves.toBeNull();
  });

  it("resolves a session with its active workspace and role, re-checked on every call", async () => {
    const fresh = await harness.signUp();
    await expect(resolve({ cookie: fresh.cookie })).resolves.toMatchObject({
      kind: "user",
      userId: fresh.id,
      workspaceId: null,
      role: null,
    });

    const { user, workspaceId } = await userWithWorkspace();
    const principal = await resolve({ cookie: user.cookie });
    expect(principal).toEqual({
      kind: "user",
      userId: user.id,
      sessionId: expect.any(String),
      workspaceId,
      role: "owner",
    });

    const other = await harness.signUp();
    await harness.db.insert(workspaceMembers).values({ workspaceId, userId: other.id, role: "owner" });
    await updateMemberRole(harness.db, { workspaceId, userId: user.id, role: "viewer" });
    await expect(resolve({ cookie: user.cookie })).resolves.toMatchObject({ workspaceId, role: "viewer" });
    await removeMember(harness.db, { workspaceId, userId: user.id });
    await expect(resolve({ cookie: user.cookie })).resolves.toMatchObject({ workspaceId: null, role: null });
  });

  it("resolves a valid key to its workspace, creator and scopes — never to the cookie's user", async () => {
    const { user, workspaceId } = await userWithWorkspace();
    const bystander = await harness.signUp();
    const created = await createApiKey(harness.db, {
      workspaceId,
      createdBy: user.id,
      creatorRole: "owner",
      name: "CI",
      scopes: ["audit:read", "workspace:read", "audit:read"],
      expiresAt: null,
    });
    expect(created.key).toMatch(/^vk_/);
    expect(created.scopes).toEqual(["audit:read", "workspace:read"]);
    await expect(
      resolve({ authorization: `Bearer ${created.key}`, cookie: bystander.cookie }),
    ).resolves.toEqual({
      kind: "apiKey",
      apiKeyId: created.id,
      userId: user.id,
      workspaceId,
      scopes: ["audit:read", "workspace:read"],
    });
    await expect(resolve({ authorization: `bearer   ${created.key}` })).resolves.toMatchObject({
      kind: "apiKey",
    });
  });

  it.each([
    ["a malformed key", "Bearer vk_nope"],
    ["a non-vk bearer token", "Bearer abc.def.ghi"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["an empty bearer", "Bearer "],
    ["an unknown well-formed key", `Bearer vk_0123456789ab_${"A".repeat(43)}`],
  ])("rejects %s with UNAUTHENTICATED even next to a valid cookie", async (_, authorization) => {
    const user = await harness.signUp();
    expect(await codeOf(resolve({ authorization, cookie: user.cookie }))).toBe("UNAUTHENTICATED");
  });

  it("rejects a key with a tampered secret, a revoked key and an expired key", async () => {
    const { user, workspaceId } = await userWithWorkspace();
    const make = (expiresAt: Date | null = null) =>
      createApiKey(harness.db, {
        workspaceId,
        createdBy: user.id,
        creatorRole: "owner",
        name: "k",
        scopes: ["workspace:read"],
        expiresAt,
      });
    const tampered = await make();
    const flipped = `${tampered.key.slice(0, -1)}${tampered.key.endsWith("A") ? "B" : "A"}`;
    expect(await codeOf(resolve({ authorization: `Bearer ${flipped}` }))).toBe("UNAUTHENTICATED");

    const revoked = await make();
    await expect(resolve({ authorization: `Bearer ${revoked.key}` })).resolves.toMatchObject({
      kind: "apiKey",
    });
    await revokeApiKey(harness.db, { workspaceId, apiKeyId: revoked.id });
    expect(await codeOf(resolve({ authorization: `Bearer ${revoked.key}` }))).toBe("UNAUTHENTICATED");

    const now = new Date();
    const expiring = await make(new Date(now.getTime() + 60_000));
    await expect(verifyApiKey(harness.db, expiring.key, now)).resolves.toMatchObject({
      apiKeyId: expiring.id,
    });
    expect(await codeOf(verifyApiKey(harness.db, expiring.key, new Date(now.getTime() + 60_000)))).toBe(
      "UNAUTHENTICATED",
    );
    await harness.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expiring.id));
    expect(await codeOf(resolve({ authorization: `Bearer ${expiring.key}` }))).toBe("UNAUTHENTICATED");
  });

  it("stops a key when its creator leaves the workspace or the workspace is deleted, and caps it at the creator's role", async () => {
    const { user: owner, workspaceId } = await userWithWorkspace();
    const admin = await harness.signUp();
    await harness.db.insert(workspaceMembers).values({ workspaceId, userId: admin.id, role: "admin" });
    const key = await createApiKey(harness.db, {
      workspaceId,
      createdBy: admin.id,
      creatorRole: "admin",
      name: "admin key",
      scopes: ["members:read", "audit:read"],
      expiresAt: null,
    });
    await updateMemberRole(harness.db, { workspaceId, userId: admin.id, role: "viewer" });
    await expect(resolve({ authorization: `Bearer ${key.key}` })).resolves.toMatchObject({
      scopes: ["members:read"],
    });
    await removeMember(harness.db, { workspaceId, userId: admin.id });
    expect(await codeOf(resolve({ authorization: `Bearer ${key.key}` }))).toBe("UNAUTHENTICATED");

    const ownerKey = await createApiKey(harness.db, {
      workspaceId,
      createdBy: owner.id,
      creatorRole: "owner",
      name: "owner key",
      scopes: ["workspace:read"],
      expiresAt: null,
    });
    await harness.db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    expect(await codeOf(resolve({ authorization: `Bearer ${ownerKey.key}` }))).toBe("UNAUTHENTICATED");
  });

  it("refuses keys stronger than the creator's role, unknown scopes, blank names and past expiries", async () => {
    const { user, workspaceId } = await userWithWorkspace();
    const base = { workspaceId, createdBy: user.id, name: "k", scopes: ["workspace:read"], expiresAt: null };
    expect(
      await codeOf(createApiKey(harness.db, { ...base, creatorRole: "viewer", scopes: ["audit:read"] })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(createApiKey(harness.db, { ...base, creatorRole: "member", scopes: ["members:write"] })),
    ).toBe("FORBIDDEN");
    for (const bad of [{ scopes: [] }, { scopes: ["admin:*"] }, { name: "   " }, { name: "n".repeat(101) }]) {
      expect(await codeOf(createApiKey(harness.db, { ...base, creatorRole: "owner", ...bad }))).toBe(
        "VALIDATION_FAILED",
      );
    }
    const now = new Date();
    expect(
      await codeOf(createApiKey(harness.db, { ...base, creatorRole: "owner", expiresAt: now, now })),
    ).toBe("VALIDATION_FAILED");
    await expect(
      createApiKey(harness.db, { ...base, creatorRole: "owner", scopes: [...scopes] }),
    ).resolves.toMatchObject({ scopes: [...scopes] });
    expect(await listApiKeys(harness.db, { workspaceId })).toHaveLength(1);
  });

  it("records key use at most once a minute", async () => {
    const { user, workspaceId } = await userWithWorkspace();
    const key = await createApiKey(harness.db, {
      workspaceId,
      createdBy: user.id,
      creatorRole: "owner",
      name: "k",
      scopes: ["workspace:read"],
      expiresAt: null,
    });
    const lastUsed = async () => (await findApiKeyByPrefix(harness.db, { prefix: key.prefix }))?.lastUsedAt;
    const t0 = new Date("2035-01-01T00:00:00.000Z");
    await verifyApiKey(harness.db, key.key, t0);
    expect(await lastUsed()).toEqual(t0);
    await verifyApiKey(harness.db, key.key, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await verifyApiKey(harness.db, key.key, later);
    expect(await lastUsed()).toEqual(later);
  });

  it("never returns a password, password hash, key or key hash from the query functions", async () => {
    const plantedPassword = "planted-Password-4f1c9e";
    const user = await harness.signUp({ password: plantedPassword });
    const [account] = await harness.db
      .select({ password: accounts.password })
      .from(accounts)
      .where(eq(accounts.userId, user.id));
    const passwordHash = account?.password ?? "";
    expect(passwordHash.length).toBeGreaterThan(20);
    const workspace = await createWorkspaceWithOwner(harness.db, { name: "Secrets", ownerId: user.id });
    const created = await createApiKey(harness.db, {
      workspaceId: workspace.id,
      createdBy: user.id,
      creatorRole: "owner",
      name: "planted",
      scopes: ["workspace:read"],
      expiresAt: null,
    });
    const { key, ...summary } = created;
    const [stored] = await harness.db
      .select({ hash: apiKeys.hash })
      .from(apiKeys)
      .where(eq(apiKeys.id, created.id));
    const keyHash = stored?.hash ?? "";
    await insertAuditEvent(harness.db, {
      workspaceId: workspace.id,
      actorType: "user",
      actorId: user.id,
      action: "api-keys.create",
      targetType: "apiKey",
      targetId: created.id,
      metadata: { name: "planted", prefix: created.prefix },
    });
    const secretPart = key.slice(16);
    const outputs = JSON.stringify([
      summary,
      await listWorkspacesForUser(harness.db, { userId: user.id }),
      await getMembership(harness.db, { workspaceId: workspace.id, userId: user.id }),
      await listMembers(harness.db, { workspaceId: workspace.id }),
      await listPendingInvitations(harness.db, { workspaceId: workspace.id }),
      await listApiKeys(harness.db, { workspaceId: workspace.id }),
      await revokeApiKey(harness.db, { workspaceId: workspace.id, apiKeyId: created.id }),
      await listAuditEvents(harness.db, { workspaceId: workspace.id }),
      await getUserProfile(harness.db, { userId: user.id }),
      await resolve({ cookie: user.cookie }),
    ]);
    expect(outputs).toContain(created.prefix);
    for (const secret of [plantedPassword, passwordHash, key, secretPart, keyHash]) {
      expect(outputs).not.toContain(secret);
    }
    expect(JSON.stringify(await findApiKeyByPrefix(harness.db, { prefix: created.prefix }))).not.toContain(
      secretPart,
    );
  });
});
