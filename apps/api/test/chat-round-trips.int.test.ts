import { chatEvents } from "@vitae/db";
import { startInMemoryTracing } from "@vitae/tracing/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

// Every statement sent inside a traced request is a `postgres <operation>` span (packages/db's
// traced-queries): counting them per trace counts the turn's round trips to Postgres. Registered before
// the API starts, as main.ts does: the provider is process-global.
const tracing = await startInMemoryTracing("vitae-api-test");

let api: TestApi;
let owner: TestUser;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Counter");
  await createWorkspace(api, owner, "Round Trip Co");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
}, 180_000);
afterAll(async () => {
  await api?.cleanup();
  await tracing.shutdown();
});

/** Asks once and returns the answer and the Postgres statements its request sent, by operation. */
async function askCounted(question: string, sessionId?: string) {
  tracing.reset();
  const response = await call(api, "chat.ask", {
    cookie: owner.cookie,
    type: "mutation",
    input: { profileId, question, ...(sessionId ? { sessionId } : {}) },
  });
  expect(response.status).toBe(200);
  const spans = await tracing.spans();
  const procedure = spans.find((span) => span.name === "trpc chat.ask");
  expect(procedure, spans.map((span) => span.name).join(", ")).toBeDefined();
  const traceId = procedure?.spanContext().traceId;
  const statements = spans
    .filter((span) => span.spanContext().traceId === traceId && span.name.startsWith("postgres "))
    .map((span) => span.name.slice("postgres ".length));
  return { data: response.body.result.data, statements };
}

const isWrite = (operation: string) => operation !== "select";

describe("chat.ask round trips to Postgres", () => {
  it("writes a new conversation's turn — session, transcript and events — in one statement", async () => {
    const { data, statements } = await askCounted("Where does he work now?");
    expect(data.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(statements.filter(isWrite), statements.join(", ")).toHaveLength(1);

    const history = await call(api, "chat.history", {
      cookie: owner.cookie,
      input: { sessionId: data.sessionId },
    });
    expect(history.body.result.data.items.map((turn: { position: number }) => turn.position)).toEqual([1]);
  });

  it("writes a follow-up's turn in one statement too, at the next position", async () => {
    const first = await askCounted("Where does he work now?");
    const followUp = await askCounted("What technologies did he use there?", first.data.sessionId);
    expect(followUp.data.sessionId).toBe(first.data.sessionId);
    expect(followUp.statements.filter(isWrite), followUp.statements.join(", ")).toHaveLength(1);

    const history = await call(api, "chat.history", {
      cookie: owner.cookie,
      input: { sessionId: first.data.sessionId },
    });
    expect(
      history.body.result.data.items.map((turn: { position: number; question: string }) => [
        turn.position,
        turn.question,
      ]),
    ).toEqual([
      [1, "Where does he work now?"],
      [2, "What technologies did he use there?"],
    ]);
  });

  it("records the analytics of every turn: the session start once, then one event per question", async () => {
    const first = await askCounted("Tell me about his education");
    await askCounted("What databases does he know?", first.data.sessionId);
    const events = await api.deps.db
      .select({ type: chatEvents.type, profileId: chatEvents.profileId })
      .from(chatEvents)
      .where(eq(chatEvents.sessionId, first.data.sessionId));
    expect(events).toHaveLength(3);
    expect(events.filter((event) => event.type === "session-started")).toHaveLength(1);
    expect(events.every((event) => event.profileId === profileId)).toBe(true);
  });
});
