import { createHash } from "node:crypto";
import { AppError } from "@vitae/errors";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestMember, insertTestWorkspace } from "./identity-fixtures";
import {
  findApiKeyByPrefix,
  type InsertApiKeyParams,
  insertApiKey,
  listApiKeys,
  removeMember,
  revokeApiKey,
  touchApiKeyUsed,
} from "./index";
import { apiKeys, workspaces } from "./schema";
import { testDrivers } from "./test-drivers";

const missingId = "00000000-0000-4000-8000-000000000000";
let sequence = 0;

function keyValues(
  workspaceId: string,
  createdBy: string,
  extra: Partial<InsertApiKeyParams> = {},
): InsertApiKeyParams {
  sequence += 1;
  const prefix = sequence.toString(16).padStart(12, "0");
  return {
    workspaceId,
    createdBy,
    name: `key ${sequence}`,
    prefix,
    hash: createHash("sha256").update(`secret-${prefix}`).digest("hex"),
    scopes: ["workspace:read"],
    expiresAt: null,
    ...extra,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe.each(testDrivers)("api keys on $kind", ({ open }) => {
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

  it("stores a key and returns summaries without the hash", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const values = keyValues(workspace.id, owner.id, { scopes: ["workspace:read", "audit:read"] });
    const created = await insertApiKey(db, values);
    expect(created).toMatchObject({
      name: values.name,
      prefix: values.prefix,
      scopes: ["workspace:read", "audit:read"],
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Object.keys(created)).not.toContain("hash");
    const listed = await listApiKeys(db, { workspaceId: workspace.id });
    expect(listed).toEqual([created]);
    expect(JSON.stringify(listed)).not.toContain(values.hash);
  });

  it("lists newest first and only the workspace's own keys", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const { workspace: other, owner: otherOwner } = await insertTestWorkspace(db);
    const first = await insertApiKey(db, keyValues(workspace.id, owner.id));
    await db
      .update(apiKeys)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(apiKeys.id, first.id));
    const second = await insertApiKey(db, keyValues(workspace.id, owner.id));
    await insertApiKey(db, keyValues(other.id, otherOwner.id));
    expect((await listApiKeys(db, { workspaceId: workspace.id })).map((k) => k.id)).toEqual([
      second.id,
      first.id,
    ]);
    await expect(listApiKeys(db, { workspaceId: "bad" })).resolves.toEqual([]);
  });

  it("finds a key by prefix with its hash and the creator's current role", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const admin = await insertTestMember(db, workspace.id, "admin");
    const values = keyValues(workspace.id, admin.id);
    const created = await insertApiKey(db, values);
    await expect(findApiKeyByPrefix(db, { prefix: values.prefix })).resolves.toMatchObject({
      id: created.id,
      workspaceId: workspace.id,
      createdBy: admin.id,
      hash: values.hash,
      creatorRole: "admin",
    });
    await removeMember(db, { workspaceId: workspace.id, userId: admin.id });
    expect((await findApiKeyByPrefix(db, { prefix: values.prefix }))?.creatorRole).toBeNull();
    await expect(findApiKeyByPrefix(db, { prefix: "ffffffffffff" })).resolves.toBeUndefined();
  });

  it("refuses duplicate prefixes and unknown workspaces or creators", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const values = keyValues(workspace.id, owner.id);
    await insertApiKey(db, values);
    await expect(insertApiKey(db, { ...values, name: "dup" })).rejects.toThrow();
    expect(await codeOf(insertApiKey(db, keyValues(missingId, owner.id)))).toBe("NOT_FOUND");
    expect(await codeOf(insertApiKey(db, keyValues(workspace.id, missingId)))).toBe("NOT_FOUND");
    expect(await codeOf(insertApiKey(db, keyValues("bad", owner.id)))).toBe("NOT_FOUND");
  });

  it("revokes idempotently and hides other workspaces' keys behind NOT_FOUND", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    const key = await insertApiKey(db, keyValues(workspace.id, owner.id));
    expect(await codeOf(revokeApiKey(db, { workspaceId: other.id, apiKeyId: key.id }))).toBe("NOT_FOUND");
    expect((await listApiKeys(db, { workspaceId: workspace.id }))[0]?.revokedAt).toBeNull();
    const revoked = await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: key.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const again = await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: key.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect(await codeOf(revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: missingId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: "bad" }))).toBe("NOT_FOUND");
  });

  it("writes last_used_at at most once a minute per key", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const key = await insertApiKey(db, keyValues(workspace.id, owner.id));
    const t0 = new Date("2030-01-01T00:00:00.000Z");
    await expect(touchApiKeyUsed(db, { apiKeyId: key.id, now: t0 })).resolves.toBe(true);
    await expect(
      touchApiKeyUsed(db, { apiKeyId: key.id, now: new Date(t0.getTime() + 59_999) }),
    ).resolves.toBe(false);
    expect((await listApiKeys(db, { workspaceId: workspace.id }))[0]?.lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 60_000);
    await expect(touchApiKeyUsed(db, { apiKeyId: key.id, now: later })).resolves.toBe(true);
    expect((await listApiKeys(db, { workspaceId: workspace.id }))[0]?.lastUsedAt).toEqual(later);
    await expect(touchApiKeyUsed(db, { apiKeyId: "bad" })).resolves.toBe(false);
  });

  it("lets only one of many concurrent touches write", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const key = await insertApiKey(db, keyValues(workspace.id, owner.id));
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => touchApiKeyUsed(db, { apiKeyId: key.id, now })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("deletes a workspace's keys with the workspace", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const values = keyValues(workspace.id, owner.id);
    await insertApiKey(db, values);
    await db.delete(workspaces).where(eq(workspaces.id, workspace.id));
    await expect(findApiKeyByPrefix(db, { prefix: values.prefix })).resolves.toBeUndefined();
  });
});
