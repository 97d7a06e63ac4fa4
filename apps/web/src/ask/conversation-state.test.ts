import { describe, expect, it } from "vitest";
import type { AskResult } from "./contract";
import {
  type ConversationState,
  conversationReducer,
  createConversation,
  initialConversation,
  isBusy,
  visibleAnswer,
} from "./conversation-state";

const result = (overrides: Partial<AskResult> = {}): AskResult => ({
  sessionId: "s1",
  answer: "He works at Brightline Health [e1].",
  mode: "basic",
  intent: "experience",
  cards: [],
  sources: [{ factId: "e1", kind: "experience", label: "Senior Data Engineer at Brightline Health" }],
  ...overrides,
});

function run(state: ConversationState, ...actions: Parameters<typeof conversationReducer>[1][]) {
  return actions.reduce(conversationReducer, state);
}

const asked = { type: "asked", key: "t1", question: "Where does he work now?", input: "text" } as const;

describe("conversationReducer", () => {
  it("streams tokens, then replaces them with the final answer and remembers the session", () => {
    const streaming = run(
      initialConversation,
      asked,
      { type: "stream-event", key: "t1", event: { type: "session", sessionId: "s1" } },
      { type: "stream-event", key: "t1", event: { type: "token", text: "He works " } },
      { type: "stream-event", key: "t1", event: { type: "token", text: "at Brightline" } },
    );
    expect(streaming.sessionId).toBe("s1");
    expect(streaming.turns[0]?.status).toBe("streaming");
    expect(visibleAnswer(streaming.turns[0] as never)).toBe("He works at Brightline");
    expect(isBusy(streaming)).toBe(true);

    const done = run(streaming, { type: "stream-event", key: "t1", event: { type: "done", ...result() } });
    const turn = done.turns[0];
    expect(turn?.status).toBe("done");
    expect(turn?.streamedText).toBe("");
    expect(turn === undefined ? "" : visibleAnswer(turn)).toBe("He works at Brightline Health [e1].");
    expect(turn?.result?.sources).toHaveLength(1);
    expect(isBusy(done)).toBe(false);
  });

  it("ignores tokens and second answers once a turn is settled", () => {
    const done = run(initialConversation, asked, { type: "answered", key: "t1", result: result() });
    const after = run(
      done,
      { type: "stream-event", key: "t1", event: { type: "token", text: "late" } },
      { type: "answered", key: "t1", result: result({ answer: "other" }) },
      { type: "failed", key: "t1", error: { message: "x", code: null, requestId: null } },
    );
    expect(after.turns[0]?.result?.answer).toBe("He works at Brightline Health [e1].");
    expect(after.turns[0]?.status).toBe("done");
  });

  it("drops what a failed stream showed and takes the fallback answer", () => {
    const state = run(
      initialConversation,
      asked,
      { type: "stream-event", key: "t1", event: { type: "token", text: "He wor" } },
      { type: "stream-dropped", key: "t1" },
    );
    expect(state.turns[0]?.status).toBe("pending");
    expect(state.turns[0]?.streamedText).toBe("");
    const answered = run(state, { type: "answered", key: "t1", result: result({ sessionId: "s2" }) });
    expect(answered.turns[0]?.status).toBe("done");
    expect(answered.sessionId).toBe("s2");
  });

  it("records a failure with its message", () => {
    const state = run(initialConversation, asked, {
      type: "failed",
      key: "t1",
      error: { message: "Too many questions", code: "RATE_LIMITED", requestId: "r1" },
    });
    expect(state.turns[0]?.status).toBe("failed");
    expect(state.turns[0]?.error?.code).toBe("RATE_LIMITED");
  });

  it("shows a voice question as its transcript and keeps the spoken answer", () => {
    const state = run(
      initialConversation,
      { type: "asked", key: "v1", question: "Voice question…", input: "voice" },
      {
        type: "answered",
        key: "v1",
        result: {
          ...result(),
          transcript: "What databases does he know?",
          speech: { url: "/s.mp3", expiresAt: "x" },
        },
      },
    );
    expect(state.turns[0]?.question).toBe("What databases does he know?");
    expect(state.turns[0]?.speechUrl).toBe("/s.mp3");
    expect(state.turns[0]?.input).toBe("voice");
  });

  it("restores history only for the held session and only before anything new was asked", () => {
    const turn = {
      id: "h1",
      question: "What did he study?",
      answer: "Statistics [ed1].",
      mode: "basic" as const,
      fallback: null,
      refusal: null,
      cards: [],
      sources: [],
      input: "text" as const,
    };
    const restored = run(createConversation("s1"), {
      type: "history-loaded",
      sessionId: "s1",
      turns: [turn],
    });
    expect(restored.turns.map((t) => t.question)).toEqual(["What did he study?"]);
    expect(restored.turns[0]?.status).toBe("done");

    const otherSession = run(createConversation("s1"), {
      type: "history-loaded",
      sessionId: "s9",
      turns: [turn],
    });
    expect(otherSession.turns).toEqual([]);

    const afterAsking = run(createConversation("s1"), asked, {
      type: "history-loaded",
      sessionId: "s1",
      turns: [turn],
    });
    expect(afterAsking.turns.map((t) => t.key)).toEqual(["t1"]);
  });

  it("forgets the session and turns on reset", () => {
    const state = run(
      initialConversation,
      asked,
      { type: "answered", key: "t1", result: result() },
      { type: "reset" },
    );
    expect(state).toEqual({ sessionId: null, turns: [] });
  });

  it("ignores events for a turn it does not hold", () => {
    const state = run(initialConversation, asked);
    expect(run(state, { type: "answered", key: "nope", result: result({ sessionId: "" }) }).turns).toEqual(
      state.turns,
    );
  });
});
