import { chatEvents, chatTurns, createDb } from "@vitae/db";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

/**
 * `chat.ask` writes its session, transcript and analytics together before it answers, so a graceful stop
 * (SIGTERM) that lets in-flight requests finish loses none of them: every answered question has its turn
 * and its event, and its session-started event when it opened the conversation.
 */
let api: TestApi;
let owner: TestUser;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Stopper");
  await createWorkspace(api, owner, "Stop Co");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
});
afterAll(async () => {
  await api?.cleanup();
});

describe("chat.ask during a graceful stop", () => {
  it("every answered question has its transcript turn and analytics events", async () => {
    const asks = Array.from({ length: 12 }, (_, index) =>
      call(api, "chat.ask", {
        cookie: owner.cookie,
        type: "mutation",
        input: { profileId, question: index % 2 === 0 ? "Where does he work now?" : "Has he used Kafka?" },
      }).catch(() => null),
    );
    // Stop as soon as the first is answered, with the others in flight: the listener closes, in-flight
    // requests finish.
    await Promise.race(asks);
    const stopped = api.stop();
    const results = await Promise.all(asks);
    await stopped;

    const answered = results.filter((result) => result?.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    const sessionIds = answered.map((result) => result?.body.result.data.sessionId as string);
    const handle = createDb({ databaseUrl: api.databaseUrl ?? "", dataDir: "/tmp", poolMax: 1 });
    try {
      const turns = await handle.db
        .select({ sessionId: chatTurns.sessionId })
        .from(chatTurns)
        .where(inArray(chatTurns.sessionId, sessionIds));
      expect(turns.map((turn) => turn.sessionId).sort()).toEqual([...sessionIds].sort());
      const events = await handle.db
        .select({ sessionId: chatEvents.sessionId, type: chatEvents.type })
        .from(chatEvents)
        .where(inArray(chatEvents.sessionId, sessionIds));
      for (const sessionId of sessionIds) {
        const types = events.filter((event) => event.sessionId === sessionId).map((event) => event.type);
        expect(types.sort()).toEqual(["asked", "session-started"]);
      }
    } finally {
      await handle.close();
    }
    // Twelve asks and a graceful stop on a loaded machine.
  }, 120_000);
});
