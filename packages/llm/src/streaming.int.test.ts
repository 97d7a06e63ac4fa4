import { AppError } from "@vitae/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { call, greet } from "../test/fixtures";
import { createHarness, type Harness } from "../test/harness";
import type { LlmClient } from "./client";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** Collects deltas until the stream ends or fails; `onDelta` may abort. */
async function consume(
  iterable: AsyncIterable<string>,
  onDelta: (deltas: string[]) => void = () => undefined,
): Promise<{ deltas: string[]; error: unknown }> {
  const deltas: string[] = [];
  try {
    for await (const delta of iterable) {
      deltas.push(delta);
      onDelta(deltas);
    }
    return { deltas, error: undefined };
  } catch (error) {
    return { deltas, error };
  }
}

const stream = (llm: LlmClient, signal?: AbortSignal) =>
  llm.stream(greet, "Ada", { ...call, ...(signal ? { signal } : {}) });

describe("streaming", () => {
  it("yields the deltas in order and records one ledger entry", async () => {
    h.server.enqueue({ type: "chat", content: "Hello Ada, welcome back!", chunks: 4 });
    const { deltas, error } = await consume(stream(h.client()));

    expect(error).toBeUndefined();
    expect(deltas).toHaveLength(4);
    expect(deltas.join("")).toBe("Hello Ada, welcome back!");
    expect(h.server.requests[0]?.body).toMatchObject({ stream: true, model: "test-model" });
    expect(h.ledger).toEqual([
      expect.objectContaining({ operation: "stream", outcome: "ok", cached: false, promptId: "test.greet" }),
    ]);
  });

  it("is never cached", async () => {
    h.server.setFallback(() => ({ type: "chat", content: "Hello" }));
    const llm = h.client();
    await consume(stream(llm));
    await consume(stream(llm));
    expect(h.server.requests).toHaveLength(2);
  });

  it("retries while connecting, before any delta was sent", async () => {
    h.server.enqueue({ type: "error", status: 503 }, { type: "chat", content: "Hello" });
    const { deltas, error } = await consume(stream(h.client()));
    expect(error).toBeUndefined();
    expect(deltas.join("")).toBe("Hello");
    expect(h.server.requests).toHaveLength(2);
  });

  it("yields what arrived, then fails with LLM_UNAVAILABLE when the stream breaks, without retrying", async () => {
    h.server.enqueue({ type: "broken-stream", content: "Hello Ada, this answer is cut", afterChunks: 2 });
    const { deltas, error } = await consume(stream(h.client()));

    expect(deltas).toHaveLength(2);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
    expect(h.server.requests).toHaveLength(1);
    expect(h.ledger).toEqual([expect.objectContaining({ operation: "stream", outcome: "unavailable" })]);
  });

  it("fails with LLM_UNAVAILABLE when the body ends cleanly but before the stream completed", async () => {
    const chunk = { choices: [{ index: 0, delta: { content: "Hel" }, finish_reason: null }] };
    h.server.enqueue({
      type: "raw",
      contentType: "text/event-stream",
      body: `data: ${JSON.stringify(chunk)}\n\n`,
    });
    const { deltas, error } = await consume(stream(h.client()));
    expect(deltas).toEqual(["Hel"]);
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
  });

  it("accepts a stream that ends with a finish_reason but no [DONE] (some local servers)", async () => {
    const chunk = { choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: "stop" }] };
    h.server.enqueue({
      type: "raw",
      contentType: "text/event-stream",
      body: `data: ${JSON.stringify(chunk)}\n\n`,
    });
    const { deltas, error } = await consume(stream(h.client()));
    expect(error).toBeUndefined();
    expect(deltas).toEqual(["Hi"]);
  });

  it("fails with LLM_UNAVAILABLE on an error event mid-stream", async () => {
    const chunk = { choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] };
    const body = `data: ${JSON.stringify(chunk)}\n\ndata: {"error":{"message":"overloaded"}}\n\n`;
    h.server.enqueue({ type: "raw", contentType: "text/event-stream", body });
    const { deltas, error } = await consume(stream(h.client()));
    expect(deltas).toEqual(["Hi"]);
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
  });

  it("fails with LLM_UNAVAILABLE on an unparsable chunk", async () => {
    h.server.enqueue({ type: "raw", contentType: "text/event-stream", body: 'data: {"choices": [\n\n' });
    const { error } = await consume(stream(h.client()));
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
  });

  it("fails with LLM_TIMEOUT when the stream goes idle", async () => {
    h.server.enqueue({ type: "stalled-stream", content: "Hello Ada, still thinking", afterChunks: 1 });
    const { deltas, error } = await consume(stream(h.client({}, { timeouts: { stream: 150 } })));
    expect(deltas).toHaveLength(1);
    expect((error as AppError).code).toBe("LLM_TIMEOUT");
    expect(h.ledger[0]?.outcome).toBe("timeout");
  });

  it("stops on the caller's abort with its reason", async () => {
    h.server.enqueue({ type: "stalled-stream", content: "Hello Ada, one two three", afterChunks: 2 });
    const controller = new AbortController();
    const reason = new Error("user closed the tab");
    const { deltas, error } = await consume(stream(h.client(), controller.signal), (received) => {
      if (received.length === 2) controller.abort(reason);
    });
    expect(deltas).toHaveLength(2);
    expect(error).toBe(reason);
    expect(h.ledger).toEqual([expect.objectContaining({ outcome: "aborted" })]);
  });

  it("records a consumer that stops early as aborted and releases the connection", async () => {
    h.server.enqueue({ type: "stalled-stream", content: "Hello Ada, one two three", afterChunks: 2 });
    const iterable = stream(h.client());
    for await (const _delta of iterable) break;
    expect(h.ledger).toEqual([expect.objectContaining({ outcome: "aborted" })]);
    await vi.waitFor(() => expect(h.server.openConnections()).toBe(0));
  });

  it("throws LLM_NOT_CONFIGURED at call time without a provider", () => {
    const llm = h.client({ llmBaseUrl: undefined, llmModel: undefined });
    expect(() => llm.stream(greet, "Ada", call)).toThrowError(
      expect.objectContaining({ code: "LLM_NOT_CONFIGURED" }),
    );
  });
});
