import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile, turnValues } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import {
  createShareLink,
  getChatSession,
  getWorkspaceUsage,
  incrementWorkspaceUsage,
  listChatTurns,
  type RecordChatTurnParams,
  recordChatTurn,
} from "./index";
import { chatEvents } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("recordChatTurn on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  }, 180_000); // opening and migrating PGlite takes over a minute on a loaded machine
  afterAll(async () => {
    await drop();
  });

  function turn(
    fixture: { workspaceId: string; profileId: string },
    sessionId: string,
    overrides: Partial<RecordChatTurnParams> = {},
  ): RecordChatTurnParams {
    return turnValues(fixture, sessionId, {
      events: [{ type: "asked", intent: "experience" }],
      ...overrides,
    });
  }

  const eventsOf = (sessionId: string) =>
    db
      .select({ type: chatEvents.type, intent: chatEvents.intent, shareLinkId: chatEvents.shareLinkId })
      .from(chatEvents)
      .where(eq(chatEvents.sessionId, sessionId));

  it("opens a conversation with its first turn and events, then appends follow-ups at the next position", async () => {
    const fixture = await insertTestProfile(db);
    const sessionId = randomUUID();
    const first = await recordChatTurn(
      db,
      turn(fixture, sessionId, {
        newSession: { principalKind: "user", principalId: fixture.ownerId },
        events: [{ type: "session-started" }, { type: "asked", intent: "experience" }],
      }),
    );
    expect(first.position).toBe(1);
    const second = await recordChatTurn(db, turn(fixture, sessionId, { question: "And then?" }));
    expect(second.position).toBe(2);

    const session = await getChatSession(db, { workspaceId: fixture.workspaceId, sessionId });
    expect(session).toMatchObject({ principalKind: "user", principalId: fixture.ownerId, turnCount: 2 });
    const turns = await listChatTurns(db, { workspaceId: fixture.workspaceId, sessionId });
    expect(turns.items.map((item) => [item.position, item.question])).toEqual([
      [1, "What did Ada do with Kubernetes?"],
      [2, "And then?"],
    ]);
    expect(turns.items[0]).toMatchObject({
      sources: turnValues(fixture, sessionId).sources,
      timings: { retrieval: 5 },
    });
    expect((await eventsOf(sessionId)).map((event) => [event.type, event.intent]).sort()).toEqual([
      ["asked", "experience"],
      ["asked", "experience"],
      ["session-started", null],
    ]);
  });

  it("gives concurrent turns of one session distinct, gap-free positions", async () => {
    const fixture = await insertTestProfile(db);
    const sessionId = randomUUID();
    await recordChatTurn(
      db,
      turn(fixture, sessionId, { newSession: { principalKind: "user", principalId: fixture.ownerId } }),
    );
    const positions = await Promise.all(
      Array.from({ length: 8 }, () => recordChatTurn(db, turn(fixture, sessionId))),
    );
    expect(positions.map((row) => row.position).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const session = await getChatSession(db, { workspaceId: fixture.workspaceId, sessionId });
    expect(session?.turnCount).toBe(9);
  });

  it("writes nothing for a missing, foreign or other-profile session, or a profile of another workspace", async () => {
    const a = await insertTestProfile(db);
    const b = await insertTestProfile(db);
    const sessionId = randomUUID();
    await recordChatTurn(
      db,
      turn(a, sessionId, { newSession: { principalKind: "user", principalId: a.ownerId } }),
    );

    expect(await codeOf(recordChatTurn(db, turn(a, missingId)))).toBe("NOT_FOUND");
    expect(await codeOf(recordChatTurn(db, turn({ ...a, workspaceId: b.workspaceId }, sessionId)))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(recordChatTurn(db, turn({ ...a, profileId: b.profileId }, sessionId)))).toBe(
      "NOT_FOUND",
    );
    const foreign = randomUUID();
    expect(
      await codeOf(
        recordChatTurn(
          db,
          turn({ ...a, profileId: b.profileId }, foreign, {
            newSession: { principalKind: "user", principalId: a.ownerId },
          }),
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(await getChatSession(db, { workspaceId: a.workspaceId, sessionId: foreign })).toBeUndefined();
    expect(await codeOf(recordChatTurn(db, turn(a, "not-a-uuid")))).toBe("NOT_FOUND");
    expect(await codeOf(recordChatTurn(db, turn(a, sessionId, { mode: "psychic" as "llm" })))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(recordChatTurn(db, turn(a, sessionId, { events: [{ type: "clicked" as "asked" }] }))),
    ).toBe("BAD_REQUEST");
    // Only the first turn was written.
    expect((await listChatTurns(db, { workspaceId: a.workspaceId, sessionId })).items).toHaveLength(1);
    expect(await eventsOf(sessionId)).toHaveLength(1);
  });

  it("records a share link's conversation with the link on the session and its events", async () => {
    const fixture = await insertTestProfile(db);
    const { link } = await createShareLink(db, {
      ...fixture,
      createdBy: fixture.ownerId,
      expiresAt: inAMonth(),
    });
    const sessionId = randomUUID();
    await recordChatTurn(
      db,
      turn(fixture, sessionId, {
        newSession: { principalKind: "share", principalId: link.id },
        shareLinkId: link.id,
        events: [{ type: "session-started" }, { type: "refused", intent: "refused" }],
      }),
    );
    const session = await getChatSession(db, { workspaceId: fixture.workspaceId, sessionId });
    expect(session).toMatchObject({ principalKind: "share", shareLinkId: link.id });
    expect((await eventsOf(sessionId)).map((event) => event.shareLinkId)).toEqual([link.id, link.id]);
  });

  it("adds the turn's LLM tokens to the month's usage, carrying the stored-bytes balance into a new month", async () => {
    const fixture = await insertTestProfile(db);
    const { workspaceId } = fixture;
    await incrementWorkspaceUsage(db, { workspaceId, period: "2031-01", storedBytes: 500, llmTokens: 7 });
    const newSession = { principalKind: "user" as const, principalId: fixture.ownerId };
    await recordChatTurn(
      db,
      turn(fixture, randomUUID(), { newSession, usage: { period: "2031-02", llmTokens: 40 } }),
    );
    await recordChatTurn(
      db,
      turn(fixture, randomUUID(), { newSession, usage: { period: "2031-02", llmTokens: 2 } }),
    );
    await recordChatTurn(
      db,
      turn(fixture, randomUUID(), { newSession, usage: { period: "2031-01", llmTokens: 0 } }),
    );
    expect(await getWorkspaceUsage(db, { workspaceId, period: "2031-02" })).toEqual({
      requests: 0,
      llmTokens: 42,
      storedBytes: 500,
    });
    expect(await getWorkspaceUsage(db, { workspaceId, period: "2031-01" })).toMatchObject({ llmTokens: 7 });
  });
});
