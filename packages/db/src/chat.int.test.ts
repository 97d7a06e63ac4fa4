import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile, turnValues } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import {
  appendChatTurn,
  createChatSession,
  createShareLink,
  getChatSession,
  insertChatEvent,
  listChatTurns,
  touchChatSession,
} from "./index";
import { chatEvents, chatSessions, chatTurns, profiles, shareLinks } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("chat sessions, turns and events on $kind", ({ open }) => {
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

  async function userSession() {
    const fixture = await insertTestProfile(db);
    const session = await createChatSession(db, {
      workspaceId: fixture.workspaceId,
      profileId: fixture.profileId,
      principalKind: "user",
      principalId: fixture.ownerId,
    });
    return { ...fixture, session };
  }

  it("creates, reads and touches a session within its workspace only", async () => {
    const { workspaceId, profileId, ownerId, session } = await userSession();
    const other = await insertTestProfile(db);
    expect(session).toMatchObject({
      workspaceId,
      profileId,
      principalKind: "user",
      principalId: ownerId,
      shareLinkId: null,
      turnCount: 0,
    });
    await expect(getChatSession(db, { workspaceId, sessionId: session.id })).resolves.toEqual(session);
    await expect(
      getChatSession(db, { workspaceId: other.workspaceId, sessionId: session.id }),
    ).resolves.toBeUndefined();
    await expect(getChatSession(db, { workspaceId, sessionId: missingId })).resolves.toBeUndefined();
    await expect(getChatSession(db, { workspaceId, sessionId: "bad" })).resolves.toBeUndefined();

    const later = new Date(Date.now() + 3_600_000);
    await expect(touchChatSession(db, { workspaceId, sessionId: session.id, now: later })).resolves.toBe(
      true,
    );
    await expect(
      touchChatSession(db, { workspaceId, sessionId: session.id, now: new Date(0) }),
    ).resolves.toBe(true);
    expect((await getChatSession(db, { workspaceId, sessionId: session.id }))?.lastActiveAt).toEqual(later);
    await expect(
      touchChatSession(db, { workspaceId: other.workspaceId, sessionId: session.id }),
    ).resolves.toBe(false);
    await expect(touchChatSession(db, { workspaceId, sessionId: "bad" })).resolves.toBe(false);
  });

  it("creates a session under an id chosen by the caller, once", async () => {
    const a = await insertTestProfile(db);
    const base = {
      workspaceId: a.workspaceId,
      profileId: a.profileId,
      principalKind: "user" as const,
      principalId: a.ownerId,
    };
    const id = "6f1d1b0e-1111-4000-8000-000000000001";
    await expect(createChatSession(db, { ...base, id })).resolves.toMatchObject({ id, turnCount: 0 });
    await expect(createChatSession(db, { ...base, id })).rejects.toThrow();
    expect(await codeOf(createChatSession(db, { ...base, id: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });

  it("refuses a profile of another workspace and a share link of another profile", async () => {
    const a = await insertTestProfile(db);
    const b = await insertTestProfile(db);
    const base = { workspaceId: a.workspaceId, profileId: a.profileId, principalKind: "user" as const };
    expect(
      await codeOf(createChatSession(db, { ...base, profileId: b.profileId, principalId: a.ownerId })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(createChatSession(db, { ...base, profileId: "bad", principalId: a.ownerId }))).toBe(
      "NOT_FOUND",
    );
    const foreignLink = await createShareLink(db, { ...b, createdBy: b.ownerId, expiresAt: inAMonth() });
    const share = { ...base, principalKind: "share" as const };
    expect(await codeOf(createChatSession(db, { ...share, principalId: foreignLink.link.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(createChatSession(db, { ...share, principalId: missingId }))).toBe("NOT_FOUND");
    const ownLink = await createShareLink(db, { ...a, createdBy: a.ownerId, expiresAt: inAMonth() });
    const session = await createChatSession(db, { ...share, principalId: ownLink.link.id });
    expect(session).toMatchObject({ principalKind: "share", shareLinkId: ownLink.link.id });
  });

  it("appends turns at increasing positions and pages the transcript in order", async () => {
    const { workspaceId, profileId, session } = await userSession();
    const first = await appendChatTurn(
      db,
      turnValues(workspaceId, session.id, {
        sources: [{ factId: missingId, kind: "project", label: "Loom" } as never],
        model: "gpt-test",
        tokensIn: 10,
        tokensOut: 20,
        input: "voice",
      }),
    );
    expect(first).toMatchObject({
      sessionId: session.id,
      profileId,
      position: 1,
      mode: "basic",
      sources: [{ factId: missingId, kind: "project" }],
      cards: [{ type: "experience" }],
      timings: { normalize: 1, retrieval: 5 },
      model: "gpt-test",
      tokensIn: 10,
      input: "voice",
      refusalCode: null,
    });
    for (let i = 0; i < 4; i++)
      await appendChatTurn(db, turnValues(workspaceId, session.id, { question: `q${i}` }));
    expect((await getChatSession(db, { workspaceId, sessionId: session.id }))?.turnCount).toBe(5);

    const page1 = await listChatTurns(db, { workspaceId, sessionId: session.id, limit: 2 });
    expect(page1.items.map((turn) => turn.position)).toEqual([1, 2]);
    expect(page1.items[0]).toEqual(first);
    const page2 = await listChatTurns(db, {
      workspaceId,
      sessionId: session.id,
      limit: 2,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((turn) => turn.position)).toEqual([3, 4]);
    const page3 = await listChatTurns(db, {
      workspaceId,
      sessionId: session.id,
      cursor: page2.nextCursor ?? "",
    });
    expect(page3).toEqual({ items: [expect.objectContaining({ position: 5 })], nextCursor: null });
    expect(await codeOf(listChatTurns(db, { workspaceId, sessionId: session.id, cursor: "nope" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(listChatTurns(db, { workspaceId, sessionId: session.id, limit: 101 }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("keeps each source's label and answer spans, and refuses a span outside the answer", async () => {
    const { workspaceId, session } = await userSession();
    const answer = "She migrated the billing stack to Kubernetes operators.";
    const sources = [
      { factId: missingId, kind: "experience", label: "Engineer at Acme", spans: [{ start: 0, end: 55 }] },
      { factId: `${missingId}:languages`, kind: "languages", label: "Languages" },
    ];
    await appendChatTurn(db, turnValues(workspaceId, session.id, { answer, sources }));
    const [turn] = (await listChatTurns(db, { workspaceId, sessionId: session.id })).items;
    expect(turn?.sources).toEqual(sources);
    for (const spans of [
      [{ start: 0, end: answer.length + 1 }],
      [{ start: 5, end: 4 }],
      [{ start: -1, end: 2 }],
    ]) {
      const outside = turnValues(workspaceId, session.id, {
        answer,
        sources: [{ factId: missingId, kind: "experience", spans }],
      });
      expect(await codeOf(appendChatTurn(db, outside))).toBe("BAD_REQUEST");
    }
    expect((await getChatSession(db, { workspaceId, sessionId: session.id }))?.turnCount).toBe(1);
  });

  it("never gives two concurrent appends to one session the same position", async () => {
    const { workspaceId, session } = await userSession();
    const turns = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        appendChatTurn(db, turnValues(workspaceId, session.id, { question: `q${i}` })),
      ),
    );
    expect(turns.map((turn) => turn.position).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect((await getChatSession(db, { workspaceId, sessionId: session.id }))?.turnCount).toBe(12);
  });

  it("hides another workspace's session from appends and listings", async () => {
    const { workspaceId, session } = await userSession();
    const other = await insertTestProfile(db);
    await appendChatTurn(db, turnValues(workspaceId, session.id));
    expect(await codeOf(appendChatTurn(db, turnValues(other.workspaceId, session.id)))).toBe("NOT_FOUND");
    expect(await codeOf(appendChatTurn(db, turnValues(workspaceId, missingId)))).toBe("NOT_FOUND");
    expect(await codeOf(appendChatTurn(db, turnValues(workspaceId, "bad")))).toBe("NOT_FOUND");
    await expect(
      listChatTurns(db, { workspaceId: other.workspaceId, sessionId: session.id }),
    ).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    await expect(listChatTurns(db, { workspaceId, sessionId: "bad" })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await codeOf(appendChatTurn(db, turnValues(workspaceId, session.id, { latencyMs: -1 })))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(appendChatTurn(db, turnValues(workspaceId, session.id, { mode: "gpt" as never }))),
    ).toBe("BAD_REQUEST");
  });

  it("records events only for sessions and links of the same workspace and profile", async () => {
    const { workspaceId, profileId, ownerId, session } = await userSession();
    const other = await insertTestProfile(db);
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    const event = await insertChatEvent(db, {
      workspaceId,
      profileId,
      sessionId: session.id,
      shareLinkId: link.id,
      type: "asked",
      intent: "experience",
    });
    expect(event.createdAt).toBeInstanceOf(Date);
    await insertChatEvent(db, { workspaceId, profileId, type: "session-started" });
    const base = { workspaceId: other.workspaceId, profileId: other.profileId, type: "asked" as const };
    expect(await codeOf(insertChatEvent(db, { ...base, sessionId: session.id }))).toBe("NOT_FOUND");
    expect(await codeOf(insertChatEvent(db, { ...base, shareLinkId: link.id }))).toBe("NOT_FOUND");
    expect(await codeOf(insertChatEvent(db, { ...base, profileId }))).toBe("NOT_FOUND");
    expect(await codeOf(insertChatEvent(db, { ...base, sessionId: "bad" }))).toBe("NOT_FOUND");
    expect(await codeOf(insertChatEvent(db, { ...base, type: "clicked" as never }))).toBe("BAD_REQUEST");
    await expect(db.$count(chatEvents, eq(chatEvents.workspaceId, workspaceId))).resolves.toBe(2);
  });

  it("deletes links, sessions, turns and events with their profile", async () => {
    const { workspaceId, profileId, ownerId, session } = await userSession();
    const kept = await userSession();
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    const shareSession = await createChatSession(db, {
      workspaceId,
      profileId,
      principalKind: "share",
      principalId: link.id,
    });
    await appendChatTurn(db, turnValues(workspaceId, session.id));
    await appendChatTurn(db, turnValues(workspaceId, shareSession.id));
    await appendChatTurn(db, turnValues(kept.workspaceId, kept.session.id));
    await insertChatEvent(db, { workspaceId, profileId, shareLinkId: link.id, type: "voice" });
    await insertChatEvent(db, { workspaceId, profileId, type: "refused" });

    await db.delete(profiles).where(eq(profiles.id, profileId));
    for (const table of [shareLinks, chatSessions, chatTurns, chatEvents]) {
      await expect(db.$count(table, eq(table.workspaceId, workspaceId))).resolves.toBe(0);
    }
    await expect(db.$count(chatTurns, eq(chatTurns.workspaceId, kept.workspaceId))).resolves.toBe(1);
  });
});
