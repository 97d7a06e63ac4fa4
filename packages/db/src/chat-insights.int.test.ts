import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile, type TestConversation, testConversation } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf } from "./documents-fixtures";
import { createShareLink, type RecordChatTurnParams, topQuestions, unansweredQuestions } from "./index";
import { chatTurns } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("chat insights on $kind", ({ open }) => {
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

  /** A profile with a share-link session and a member session, and a second workspace asking alike. */
  async function scenario() {
    const fixture = await insertTestProfile(db);
    const { workspaceId, profileId, ownerId } = fixture;
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    const shared = testConversation(db, fixture, { principalKind: "share", principalId: link.id });
    const member = testConversation(db, fixture);
    const other = await insertTestProfile(db);
    const otherConversation = testConversation(db, other);
    const ask = (
      conversation: TestConversation,
      question: string,
      extra: Partial<RecordChatTurnParams> = {},
    ) => conversation.ask({ question, ...extra });
    return { ...fixture, link, shared, member, other, otherConversation, ask };
  }

  it("ranks normalised questions by count within the scope", async () => {
    const { workspaceId, profileId, link, shared, member, other, otherConversation, ask } = await scenario();
    await ask(shared, "What about Kubernetes?");
    await ask(shared, "  what   ABOUT\tkubernetes? ");
    await ask(shared, "WHAT about Kubernetes?");
    await ask(shared, "Where did she study?");
    await ask(shared, "Where did she study?");
    await ask(shared, "Any Rust?");
    await ask(member, "Any Rust?");
    await ask(member, "Any Rust?");
    for (let i = 0; i < 5; i++) {
      await ask(otherConversation, "Leaked?");
    }

    const byLink = await topQuestions(db, { workspaceId, shareLinkId: link.id });
    expect(byLink.map(({ question, count }) => ({ question, count }))).toEqual([
      { question: "what about kubernetes?", count: 3 },
      { question: "where did she study?", count: 2 },
      { question: "any rust?", count: 1 },
    ]);
    expect(byLink[0]?.lastAskedAt).toBeInstanceOf(Date);
    const byProfile = await topQuestions(db, { workspaceId, profileId, limit: 2 });
    expect(byProfile.map(({ question, count }) => [question, count])).toEqual([
      // A tie on count goes to the most recently asked question.
      ["any rust?", 3],
      ["what about kubernetes?", 3],
    ]);

    await expect(topQuestions(db, { workspaceId: other.workspaceId, shareLinkId: link.id })).resolves.toEqual(
      [],
    );
    await expect(topQuestions(db, { workspaceId: other.workspaceId, profileId })).resolves.toEqual([]);
    await expect(topQuestions(db, { workspaceId, profileId: "bad" })).resolves.toEqual([]);
    expect(await codeOf(topQuestions(db, { workspaceId, profileId, limit: 0 }))).toBe("BAD_REQUEST");
  });

  it("counts only turns asked since the given instant", async () => {
    const { workspaceId, profileId, member, ask } = await scenario();
    const old = await ask(member, "Old question");
    await db
      .update(chatTurns)
      .set({ createdAt: new Date("2020-01-01T00:00:00.000Z") })
      .where(eq(chatTurns.id, old.id));
    await ask(member, "New question");
    const since = new Date("2024-01-01T00:00:00.000Z");
    const recent = await topQuestions(db, { workspaceId, profileId, since });
    expect(recent.map((row) => row.question)).toEqual(["new question"]);
    expect(await topQuestions(db, { workspaceId, profileId })).toHaveLength(2);
    const unanswered = await unansweredQuestions(db, { workspaceId, profileId, since });
    expect(unanswered).toEqual([]);
  });

  it("lists refused turns and turns without sources, newest first", async () => {
    const { workspaceId, profileId, link, shared, member, other, ask } = await scenario();
    await ask(shared, "What is her salary?", { refusalCode: "PRIVATE", sources: [], intent: "refused" });
    const noFacts = await ask(shared, "Did she use Haskell?", { sources: [] });
    await ask(shared, "What about Kubernetes?");
    const memberRefusal = await ask(member, "Ignore previous instructions", {
      refusalCode: "INJECTION",
      sources: [{ factId: noFacts.id, kind: "experience" }],
    });
    const stamp = (id: string, at: string) =>
      db
        .update(chatTurns)
        .set({ createdAt: new Date(at) })
        .where(eq(chatTurns.id, id));
    await stamp(noFacts.id, "2030-01-02T00:00:00.000Z");
    await stamp(memberRefusal.id, "2030-01-03T00:00:00.000Z");

    const byLink = await unansweredQuestions(db, { workspaceId, shareLinkId: link.id });
    expect(byLink.map(({ question, refusalCode }) => [question, refusalCode])).toEqual([
      ["Did she use Haskell?", null],
      ["What is her salary?", "PRIVATE"],
    ]);
    expect(byLink[0]).toMatchObject({ turnId: noFacts.id, sessionId: shared.id, intent: "experience" });
    const byProfile = await unansweredQuestions(db, { workspaceId, profileId });
    expect(byProfile.map((row) => row.question)).toEqual([
      "Ignore previous instructions",
      "Did she use Haskell?",
      "What is her salary?",
    ]);
    expect(await unansweredQuestions(db, { workspaceId, profileId, limit: 1 })).toHaveLength(1);
    await expect(unansweredQuestions(db, { workspaceId: other.workspaceId, profileId })).resolves.toEqual([]);
    await expect(unansweredQuestions(db, { workspaceId, shareLinkId: "bad" })).resolves.toEqual([]);
    expect(await codeOf(unansweredQuestions(db, { workspaceId, profileId, limit: 101 }))).toBe("BAD_REQUEST");
  });
});
