import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile, testConversation } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import {
  createShareLink,
  dailyActivity,
  documentStatusCounts,
  incrementWorkspaceUsage,
  usageHistory,
} from "./index";
import { chatSessions, chatTurns, documents } from "./schema";
import { testDrivers } from "./test-drivers";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe.each(testDrivers)("workspace activity on $kind", ({ open }) => {
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

  /** Two share conversations (one two days ago), one member conversation, and another workspace. */
  async function scenario() {
    const fixture = await insertTestProfile(db);
    const { workspaceId, profileId, ownerId } = fixture;
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    const visitToday = testConversation(db, fixture, { principalKind: "share", principalId: link.id });
    const visitEarlier = testConversation(db, fixture, { principalKind: "share", principalId: link.id });
    const member = testConversation(db, fixture);
    await visitToday.ask();
    await member.ask();
    await member.ask();
    const earlier = await visitEarlier.ask();
    await db
      .update(chatSessions)
      .set({ createdAt: daysAgo(2) })
      .where(eq(chatSessions.id, visitEarlier.id));
    await db
      .update(chatTurns)
      .set({ createdAt: daysAgo(2) })
      .where(eq(chatTurns.id, earlier.id));
    // Another workspace's activity must never be counted.
    await testConversation(db, await insertTestProfile(db)).ask();
    return { ...fixture, link };
  }

  it("counts questions and share conversations per UTC day, every day present", async () => {
    const { workspaceId, link } = await scenario();
    const week = await dailyActivity(db, { workspaceId, days: 7 });
    expect(week).toHaveLength(7);
    expect(week.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), questions: 3, shareVisits: 1 });
    expect(week.at(-3)).toMatchObject({ questions: 1, shareVisits: 1 });
    expect(week.reduce((sum, day) => sum + day.questions, 0)).toBe(4);

    const throughLink = await dailyActivity(db, { workspaceId, shareLinkId: link.id, days: 7 });
    expect(throughLink.at(-1)).toMatchObject({ questions: 1, shareVisits: 1 });
    expect(throughLink.reduce((sum, day) => sum + day.questions, 0)).toBe(2);

    // A window of one day sees only today.
    const today = await dailyActivity(db, { workspaceId, days: 1 });
    expect(today).toEqual([week.at(-1)]);
  });

  it("gives zeros for malformed or foreign ids and refuses an out-of-range window", async () => {
    const { link } = await scenario();
    const foreign = await dailyActivity(db, { workspaceId: missingId, shareLinkId: link.id, days: 3 });
    expect(foreign.every((day) => day.questions === 0 && day.shareVisits === 0)).toBe(true);
    expect(await dailyActivity(db, { workspaceId: "nope", days: 2 })).toHaveLength(2);
    expect(await codeOf(dailyActivity(db, { workspaceId: missingId, days: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(dailyActivity(db, { workspaceId: missingId, days: 91 }))).toBe("BAD_REQUEST");
  });

  it("counts documents by status within the workspace only", async () => {
    const { workspaceId, documentId } = await scenario();
    expect(await documentStatusCounts(db, { workspaceId })).toEqual({
      uploaded: 1,
      processing: 0,
      ready: 0,
      failed: 0,
    });
    await db.update(documents).set({ status: "failed" }).where(eq(documents.id, documentId));
    expect(await documentStatusCounts(db, { workspaceId })).toMatchObject({ uploaded: 0, failed: 1 });
    expect(await documentStatusCounts(db, { workspaceId: "nope" })).toMatchObject({ failed: 0 });
  });

  it("lists usage per month, oldest first, carrying the stored-bytes balance over empty months", async () => {
    const { workspaceId } = await scenario();
    const now = new Date(Date.UTC(2026, 2, 15));
    await incrementWorkspaceUsage(db, { workspaceId, period: "2025-12", requests: 4, storedBytes: 100 });
    await incrementWorkspaceUsage(db, { workspaceId, period: "2026-02", requests: 7, llmTokens: 30 });
    const months = await usageHistory(db, { workspaceId, months: 3, now });
    expect(months).toEqual([
      { period: "2026-01", requests: 0, llmTokens: 0, storedBytes: 100 },
      { period: "2026-02", requests: 7, llmTokens: 30, storedBytes: 100 },
      { period: "2026-03", requests: 0, llmTokens: 0, storedBytes: 100 },
    ]);
    expect(await codeOf(usageHistory(db, { workspaceId, months: 25 }))).toBe("BAD_REQUEST");
  });
});
