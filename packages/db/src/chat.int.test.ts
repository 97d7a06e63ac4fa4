import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile, testConversation, turnValues } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import { createShareLink, getChatSession, insertChatEvent, listChatTurns, recordChatTurn } from "./index";
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

  const sessionOf = (workspaceId: string, sessionId: string) =>
    getChatSession(db, { workspaceId, sessionId });
  const setLastActive = (sessionId: string, at: Date) =>
    db.update(chatSessions).set({ lastActiveAt: at }).where(eq(chatSessions.id, sessionId));

  it("opens, reads and marks active a session within its workspace only", async () => {
    const fixture = await insertTestProfile(db);
    const { workspaceId, profileId, ownerId } = fixture;
    const other = await insertTestProfile(db);
    const conversation = testConversation(db, fixture);
    await conversation.ask();
    expect(await sessionOf(workspaceId, conversation.id)).toMatchObject({
      id: conversation.id,
      workspaceId,
      profileId,
      principalKind: "user",
      principalId: ownerId,
      shareLinkId: null,
      turnCount: 1,
    });
    await expect(sessionOf(other.workspaceId, conversation.id)).resolves.toBeUndefined();
    await expect(sessionOf(workspaceId, missingId)).resolves.toBeUndefined();
    await expect(sessionOf(workspaceId, "bad")).resolves.toBeUndefined();

    // A follow-up marks the session active but never moves `lastActiveAt` backwards.
    const later = new Date(Date.now() + 3_600_000);
    await setLastActive(conversation.id, later);
    await conversation.ask();
    expect((await sessionOf(workspaceId, conversation.id))?.lastActiveAt).toEqual(later);
    // A turn through another workspace leaves the session untouched; its own follow-up moves it forward.
    const earlier = new Date("2020-01-01T00:00:00.000Z");
    await setLastActive(conversation.id, earlier);
    expect(await codeOf(recordChatTurn(db, turnValues(other, conversation.id)))).toBe("NOT_FOUND");
    expect((await sessionOf(workspaceId, conversation.id))?.lastActiveAt).toEqual(earlier);
    await conversation.ask();
    const touched = await sessionOf(workspaceId, conversation.id);
    expect(touched?.lastActiveAt.getTime()).toBeGreaterThan(earlier.getTime());
    expect(touched?.turnCount).toBe(3);
  });

  it("opens a session under the id the caller chose, once", async () => {
    const a = await insertTestProfile(db);
    const newSession = { principalKind: "user" as const, principalId: a.ownerId };
    const id = "6f1d1b0e-1111-4000-8000-000000000001";
    await expect(recordChatTurn(db, turnValues(a, id, { newSession }))).resolves.toMatchObject({
      position: 1,
    });
    await expect(recordChatTurn(db, turnValues(a, id, { newSession }))).rejects.toThrow();
    expect((await sessionOf(a.workspaceId, id))?.turnCount).toBe(1);
    expect((await listChatTurns(db, { workspaceId: a.workspaceId, sessionId: id })).items).toHaveLength(1);
    expect(await codeOf(recordChatTurn(db, turnValues(a, "not-a-uuid", { newSession })))).toBe("NOT_FOUND");
  });

  it("refuses a profile of another workspace, a share link of another profile and an unknown kind", async () => {
    const a = await insertTestProfile(db);
    const b = await insertTestProfile(db);
    const user = { principalKind: "user" as const, principalId: a.ownerId };
    const opening = (
      newSession: typeof user | { principalKind: "share"; principalId: string },
      profileId = a.profileId,
    ) =>
      recordChatTurn(db, turnValues({ workspaceId: a.workspaceId, profileId }, randomUUID(), { newSession }));
    expect(await codeOf(opening(user, b.profileId))).toBe("NOT_FOUND");
    expect(await codeOf(opening(user, "bad"))).toBe("NOT_FOUND");
    expect(await codeOf(opening({ ...user, principalKind: "robot" as "user" }))).toBe("BAD_REQUEST");
    const foreignLink = await createShareLink(db, { ...b, createdBy: b.ownerId, expiresAt: inAMonth() });
    expect(await codeOf(opening({ principalKind: "share", principalId: foreignLink.link.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(opening({ principalKind: "share", principalId: missingId }))).toBe("NOT_FOUND");
    await expect(db.$count(chatSessions, eq(chatSessions.workspaceId, a.workspaceId))).resolves.toBe(0);

    const ownLink = await createShareLink(db, { ...a, createdBy: a.ownerId, expiresAt: inAMonth() });
    const shared = testConversation(db, a, { principalKind: "share", principalId: ownLink.link.id });
    await shared.ask();
    expect(await sessionOf(a.workspaceId, shared.id)).toMatchObject({
      principalKind: "share",
      shareLinkId: ownLink.link.id,
    });
  });

  it("records turns at increasing positions and pages the transcript in order", async () => {
    const fixture = await insertTestProfile(db);
    const { workspaceId } = fixture;
    const conversation = testConversation(db, fixture);
    const first = await conversation.ask({
      sources: [{ factId: missingId, kind: "project", label: "Loom" } as never],
      model: "gpt-test",
      tokensIn: 10,
      tokensOut: 20,
      input: "voice",
    });
    expect(first.position).toBe(1);
    for (let i = 0; i < 4; i++) await conversation.ask({ question: `q${i}` });
    expect((await sessionOf(workspaceId, conversation.id))?.turnCount).toBe(5);

    const page1 = await listChatTurns(db, { workspaceId, sessionId: conversation.id, limit: 2 });
    expect(page1.items.map((turn) => turn.position)).toEqual([1, 2]);
    expect(page1.items[0]).toMatchObject({
      id: first.id,
      sessionId: conversation.id,
      profileId: fixture.profileId,
      position: 1,
      mode: "basic",
      sources: [{ factId: missingId, kind: "project" }],
      cards: [{ type: "experience" }],
      timings: { normalize: 1, retrieval: 5 },
      model: "gpt-test",
      tokensIn: 10,
      tokensOut: 20,
      input: "voice",
      refusalCode: null,
    });
    expect(page1.items[1]?.question).toBe("q0");
    const page2 = await listChatTurns(db, {
      workspaceId,
      sessionId: conversation.id,
      limit: 2,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((turn) => turn.position)).toEqual([3, 4]);
    const page3 = await listChatTurns(db, {
      workspaceId,
      sessionId: conversation.id,
      cursor: page2.nextCursor ?? "",
    });
    expect(page3).toEqual({ items: [expect.objectContaining({ position: 5 })], nextCursor: null });
    expect(await codeOf(listChatTurns(db, { workspaceId, sessionId: conversation.id, cursor: "nope" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(listChatTurns(db, { workspaceId, sessionId: conversation.id, limit: 101 }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("keeps each source's label and answer spans, and refuses a span outside the answer", async () => {
    const fixture = await insertTestProfile(db);
    const conversation = testConversation(db, fixture);
    const answer = "She migrated the billing stack to Kubernetes operators.";
    const sources = [
      { factId: missingId, kind: "experience", label: "Engineer at Acme", spans: [{ start: 0, end: 55 }] },
      { factId: `${missingId}:languages`, kind: "languages", label: "Languages" },
    ];
    await conversation.ask({ answer, sources });
    const sessionId = conversation.id;
    const [turn] = (await listChatTurns(db, { workspaceId: fixture.workspaceId, sessionId })).items;
    expect(turn?.sources).toEqual(sources);
    for (const spans of [
      [{ start: 0, end: answer.length + 1 }],
      [{ start: 5, end: 4 }],
      [{ start: -1, end: 2 }],
    ]) {
      const outside = [{ factId: missingId, kind: "experience", spans }];
      expect(await codeOf(conversation.ask({ answer, sources: outside }))).toBe("BAD_REQUEST");
    }
    expect((await sessionOf(fixture.workspaceId, sessionId))?.turnCount).toBe(1);
  });

  it("hides another workspace's session from turns and listings", async () => {
    const fixture = await insertTestProfile(db);
    const { workspaceId } = fixture;
    const other = await insertTestProfile(db);
    const conversation = testConversation(db, fixture);
    await conversation.ask();
    const sessionId = conversation.id;
    expect(await codeOf(recordChatTurn(db, turnValues(other, sessionId)))).toBe("NOT_FOUND");
    expect(await codeOf(recordChatTurn(db, turnValues(fixture, missingId)))).toBe("NOT_FOUND");
    expect(await codeOf(recordChatTurn(db, turnValues(fixture, "bad")))).toBe("NOT_FOUND");
    await expect(listChatTurns(db, { workspaceId: other.workspaceId, sessionId })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    await expect(listChatTurns(db, { workspaceId, sessionId: "bad" })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await codeOf(conversation.ask({ latencyMs: -1 }))).toBe("BAD_REQUEST");
    expect(await codeOf(conversation.ask({ mode: "gpt" as never }))).toBe("BAD_REQUEST");
    expect((await sessionOf(workspaceId, sessionId))?.turnCount).toBe(1);
  });

  it("records events only for sessions and links of the same workspace and profile", async () => {
    const fixture = await insertTestProfile(db);
    const { workspaceId, profileId, ownerId } = fixture;
    const other = await insertTestProfile(db);
    const session = testConversation(db, fixture);
    await session.ask();
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
    const fixture = await insertTestProfile(db);
    const { workspaceId, profileId, ownerId } = fixture;
    const kept = await insertTestProfile(db);
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    await testConversation(db, fixture).ask();
    await testConversation(db, fixture, { principalKind: "share", principalId: link.id }).ask();
    await testConversation(db, kept).ask();
    await insertChatEvent(db, { workspaceId, profileId, shareLinkId: link.id, type: "voice" });
    await insertChatEvent(db, { workspaceId, profileId, type: "refused" });

    await db.delete(profiles).where(eq(profiles.id, profileId));
    for (const table of [shareLinks, chatSessions, chatTurns, chatEvents]) {
      await expect(db.$count(table, eq(table.workspaceId, workspaceId))).resolves.toBe(0);
    }
    await expect(db.$count(chatTurns, eq(chatTurns.workspaceId, kept.workspaceId))).resolves.toBe(1);
  });
});
