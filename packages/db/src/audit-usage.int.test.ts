import { AppError } from "@vitae/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestUser, insertTestWorkspace } from "./identity-fixtures";
import {
  type AuditEventItem,
  getWorkspaceUsage,
  incrementWorkspaceUsage,
  insertAuditEvent,
  listAuditEvents,
} from "./index";
import { auditLog } from "./schema";
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

describe.each(testDrivers)("audit log and usage on $kind", ({ kind, open }) => {
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

  async function pageThrough(workspaceId: string, limit: number): Promise<AuditEventItem[]> {
    const seen: AuditEventItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await listAuditEvents(db, { workspaceId, limit, cursor });
      seen.push(...result.items);
      expect(result.items.length).toBeLessThanOrEqual(limit);
      if (result.nextCursor === null) return seen;
      cursor = result.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it("records events and lists them newest first with the actor's email, scoped to the workspace", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    const first = await insertAuditEvent(db, {
      workspaceId: workspace.id,
      actorType: "user",
      actorId: owner.id,
      action: "members.invite",
      targetType: "invitation",
      targetId: "inv-1",
      ip: "203.0.113.9",
      requestId: "req-1",
      metadata: { role: "admin" },
    });
    await insertAuditEvent(db, {
      workspaceId: other.id,
      actorType: "system",
      actorId: null,
      action: "other.thing",
    });
    await insertAuditEvent(db, {
      workspaceId: null,
      actorType: "user",
      actorId: owner.id,
      action: "auth.sign-in",
    });
    const { items, nextCursor } = await listAuditEvents(db, { workspaceId: workspace.id });
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      {
        id: first.id,
        action: "members.invite",
        actorType: "user",
        actorId: owner.id,
        actorName: "Test User",
        actorEmail: owner.email,
        targetType: "invitation",
        targetId: "inv-1",
        targetName: null,
        targetEmail: null,
        ip: "203.0.113.9",
        requestId: "req-1",
        createdAt: first.createdAt,
        metadata: { role: "admin" },
      },
    ]);
  });

  it("pages through ties on created_at without skipping or repeating", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const at = new Date("2030-05-05T10:00:00.123Z");
    // Same millisecond for all of them: only the id breaks ties.
    await db.insert(auditLog).values(
      Array.from({ length: 23 }, (_, i) => ({
        workspaceId: workspace.id,
        actorType: "system" as const,
        action: `bulk.${i % 3}`,
        createdAt: i < 20 ? at : new Date(at.getTime() - i),
      })),
    );
    for (const limit of [1, 4, 7, 23, 100]) {
      const seen = await pageThrough(workspace.id, limit);
      expect(seen).toHaveLength(23);
      expect(new Set(seen.map((e) => e.id)).size, `limit ${limit} on ${kind}`).toBe(23);
      const keys = seen.map((e) => [e.createdAt.getTime(), e.id] as const);
      const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
      expect(keys).toEqual(sorted);
    }
  });

  it("filters by action, actor and time range (from inclusive, to exclusive)", async () => {
    const { workspace, owner } = await insertTestWorkspace(db);
    const admin = await insertTestUser(db);
    const t = (s: number) => new Date(Date.UTC(2031, 0, 1, 0, 0, s));
    await db.insert(auditLog).values([
      { workspaceId: workspace.id, actorType: "user", actorId: owner.id, action: "a.one", createdAt: t(1) },
      { workspaceId: workspace.id, actorType: "user", actorId: admin.id, action: "a.one", createdAt: t(2) },
      { workspaceId: workspace.id, actorType: "user", actorId: owner.id, action: "a.two", createdAt: t(3) },
      {
        workspaceId: workspace.id,
        actorType: "apiKey",
        actorId: missingId,
        action: "a.one",
        createdAt: t(4),
      },
    ]);
    const actions = async (filters: Parameters<typeof listAuditEvents>[1]) =>
      (await listAuditEvents(db, filters)).items.map((e) => `${e.action}@${e.createdAt.getUTCSeconds()}`);
    expect(await actions({ workspaceId: workspace.id, action: "a.one" })).toEqual([
      "a.one@4",
      "a.one@2",
      "a.one@1",
    ]);
    expect(await actions({ workspaceId: workspace.id, actorId: owner.id })).toEqual(["a.two@3", "a.one@1"]);
    expect(await actions({ workspaceId: workspace.id, from: t(2), to: t(4) })).toEqual([
      "a.two@3",
      "a.one@2",
    ]);
    expect(
      await actions({ workspaceId: workspace.id, action: "a.one", actorId: admin.id, from: t(2) }),
    ).toEqual(["a.one@2"]);
    expect(await actions({ workspaceId: workspace.id, actorId: "not-a-uuid" })).toEqual([]);
    const apiKeyEvent = (await listAuditEvents(db, { workspaceId: workspace.id, actorId: missingId }))
      .items[0];
    expect(apiKeyEvent).toMatchObject({ actorType: "apiKey", actorEmail: null });
  });

  it("rejects malformed cursors and page sizes", async () => {
    const { workspace } = await insertTestWorkspace(db);
    for (const cursor of ["", "garbage", Buffer.from("123:not-a-uuid").toString("base64url"), "%%%"]) {
      expect(await codeOf(listAuditEvents(db, { workspaceId: workspace.id, cursor }))).toBe("BAD_REQUEST");
    }
    for (const limit of [0, 101, 1.5, Number.NaN]) {
      expect(await codeOf(listAuditEvents(db, { workspaceId: workspace.id, limit }))).toBe("BAD_REQUEST");
    }
    await expect(listAuditEvents(db, { workspaceId: "bad" })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("keeps an event with a malformed actor id, and refuses an unknown workspace", async () => {
    const { workspace } = await insertTestWorkspace(db);
    await insertAuditEvent(db, {
      workspaceId: workspace.id,
      actorType: "user",
      actorId: "weird",
      action: "x.y",
    });
    const [event] = (await listAuditEvents(db, { workspaceId: workspace.id })).items;
    expect(event).toMatchObject({ actorId: null, metadata: { actorId: "weird" } });
    expect(
      await codeOf(
        insertAuditEvent(db, { workspaceId: missingId, actorType: "system", actorId: null, action: "x" }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("increments usage atomically and returns the new totals", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const period = "2030-02";
    await expect(getWorkspaceUsage(db, { workspaceId: workspace.id, period })).resolves.toEqual({
      requests: 0,
      llmTokens: 0,
      storedBytes: 0,
    });
    await expect(
      incrementWorkspaceUsage(db, { workspaceId: workspace.id, period, requests: 1 }),
    ).resolves.toEqual({
      requests: 1,
      llmTokens: 0,
      storedBytes: 0,
    });
    await Promise.all(
      Array.from({ length: 40 }, () =>
        incrementWorkspaceUsage(db, {
          workspaceId: workspace.id,
          period,
          requests: 1,
          llmTokens: 25,
          storedBytes: 10,
        }),
      ),
    );
    await expect(getWorkspaceUsage(db, { workspaceId: workspace.id, period })).resolves.toEqual({
      requests: 41,
      llmTokens: 1000,
      storedBytes: 400,
    });
    // A new month counts requests and tokens afresh; stored bytes are still stored.
    await expect(getWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-03" })).resolves.toEqual({
      requests: 0,
      llmTokens: 0,
      storedBytes: 400,
    });
  });

  it("carries the stored-bytes balance into a new month instead of resetting it", async () => {
    const { workspace } = await insertTestWorkspace(db);
    await incrementWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-06", storedBytes: 900 });
    await expect(
      incrementWorkspaceUsage(db, {
        workspaceId: workspace.id,
        period: "2030-07",
        storedBytes: 100,
        requests: 1,
      }),
    ).resolves.toEqual({ requests: 1, llmTokens: 0, storedBytes: 1000 });
    // A deletion in a later month frees bytes stored earlier.
    await expect(
      incrementWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-09", storedBytes: -300 }),
    ).resolves.toMatchObject({ storedBytes: 700 });
    await expect(
      getWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-08" }),
    ).resolves.toMatchObject({
      storedBytes: 1000,
    });
  });

  it("lets stored bytes go down but never below zero, and handles totals beyond 2^31", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const period = "2030-04";
    await incrementWorkspaceUsage(db, { workspaceId: workspace.id, period, storedBytes: 5_000_000_000 });
    await expect(
      incrementWorkspaceUsage(db, { workspaceId: workspace.id, period, storedBytes: -1_000_000_000 }),
    ).resolves.toMatchObject({ storedBytes: 4_000_000_000 });
    await expect(
      incrementWorkspaceUsage(db, { workspaceId: workspace.id, period, storedBytes: -9_000_000_000 }),
    ).resolves.toMatchObject({ storedBytes: 0 });
    await expect(
      incrementWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-05", storedBytes: -7 }),
    ).resolves.toMatchObject({ storedBytes: 0 });
  });

  it("refuses malformed periods and deltas, and unknown workspaces", async () => {
    const { workspace } = await insertTestWorkspace(db);
    for (const period of ["2030-13", "2030-1", "30-01", "2030-01-01", ""]) {
      expect(
        await codeOf(incrementWorkspaceUsage(db, { workspaceId: workspace.id, period, requests: 1 })),
      ).toBe("BAD_REQUEST");
    }
    for (const delta of [
      { requests: -1 },
      { llmTokens: 1.5 },
      { requests: Number.NaN },
      { storedBytes: 2 ** 60 },
    ]) {
      expect(
        await codeOf(incrementWorkspaceUsage(db, { workspaceId: workspace.id, period: "2030-01", ...delta })),
      ).toBe("BAD_REQUEST");
    }
    expect(
      await codeOf(incrementWorkspaceUsage(db, { workspaceId: missingId, period: "2030-01", requests: 1 })),
    ).toBe("NOT_FOUND");
    await expect(getWorkspaceUsage(db, { workspaceId: "bad", period: "2030-01" })).resolves.toMatchObject({
      requests: 0,
    });
  });
});
