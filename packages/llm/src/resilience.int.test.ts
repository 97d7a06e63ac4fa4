import { AppError } from "@vitae/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ada, call, extractPerson, personSchema } from "../test/fixtures";
import { createHarness, type Harness, rejectionOf } from "../test/harness";
import { abortableSleep } from "./resilience";
import { jsonReply, startTestLlmServer } from "./testing";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : error);

describe("timeouts", () => {
  it("gives up on a slow provider with LLM_TIMEOUT after the retries", async () => {
    h.server.setFallback(() => ({ ...jsonReply(ada), delayMs: 60_000 }));
    const llm = h.client({ llmTimeoutMs: 100 }, { retry: { maxRetries: 1 } });
    const error = await rejectionOf(llm.structured(personSchema, extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_TIMEOUT");
    expect(h.server.requests).toHaveLength(2);
    expect(h.ledger).toEqual([expect.objectContaining({ outcome: "timeout", tokensIn: null })]);
  });

  it("retries a timed-out attempt and returns the next answer", async () => {
    h.server.enqueue({ ...jsonReply({ name: "Late", years: 1 }), delayMs: 60_000 }, jsonReply(ada));
    const result = await h.client({ llmTimeoutMs: 100 }).structured(personSchema, extractPerson, "Ada", call);
    expect(result.value).toEqual(ada);
    expect(h.server.requests).toHaveLength(2);
  });
});

describe("retries", () => {
  it("honours Retry-After in seconds", async () => {
    h.server.enqueue({ type: "error", status: 429, headers: { "retry-after": "3" } }, jsonReply(ada));
    await h.client().structured(personSchema, extractPerson, "Ada", call);
    expect(h.server.requests).toHaveLength(2);
    expect(h.sleeps).toEqual([3000]);
  });

  it("honours Retry-After as an HTTP-date against the injected clock", async () => {
    h.server.enqueue(
      { type: "error", status: 429, headers: { "retry-after": "Mon, 02 Nov 2026 10:00:07 GMT" } },
      jsonReply(ada),
    );
    await h.client().structured(personSchema, extractPerson, "Ada", call);
    expect(h.sleeps).toEqual([7000]);
  });

  it("fails at once with LLM_RATE_LIMITED when Retry-After exceeds the cap, passing the hint on", async () => {
    h.server.enqueue({ type: "error", status: 429, headers: { "retry-after": "120" } });
    const error = await rejectionOf(h.client().chat(extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_RATE_LIMITED");
    expect((error as AppError).details).toEqual({ retryAfterSeconds: 120 });
    expect(h.server.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(h.ledger[0]?.outcome).toBe("rate_limited");
  });

  it("reports LLM_RATE_LIMITED once the retries are used up", async () => {
    h.server.setFallback(() => ({ type: "error", status: 429 }));
    const error = await rejectionOf(h.client().chat(extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_RATE_LIMITED");
    expect(h.server.requests).toHaveLength(3);
  });

  it("backs off exponentially with jitter on 5xx", async () => {
    h.server.enqueue({ type: "error", status: 500 }, { type: "error", status: 503 }, jsonReply(ada));
    await h.client().structured(personSchema, extractPerson, "Ada", call);
    // random() = 0.5: half of each exponential step is fixed, a quarter comes from the jitter.
    expect(h.sleeps).toEqual([188, 375]);
  });

  it("retries dropped connections and reports LLM_UNAVAILABLE when they persist", async () => {
    h.server.setFallback(() => ({ type: "drop" }));
    const error = await rejectionOf(h.client().chat(extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_UNAVAILABLE");
    expect(h.server.requests).toHaveLength(3);
  });

  it("reports an unreachable provider as LLM_UNAVAILABLE", async () => {
    const gone = await startTestLlmServer();
    await gone.close();
    const error = await rejectionOf(h.client({ llmBaseUrl: gone.url }).chat(extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_UNAVAILABLE");
    expect(((error as AppError).cause as Error).message).toContain("ECONNREFUSED");
    expect(h.sleeps).toHaveLength(2);
  });

  it.each([401, 403, 404])("does not retry a %i", async (status) => {
    h.server.setFallback(() => ({ type: "error", status }));
    const error = await rejectionOf(h.client().chat(extractPerson, "Ada", call));
    expect(codeOf(error)).toBe("LLM_UNAVAILABLE");
    expect(h.server.requests).toHaveLength(1);
  });

  it("stops at the caller's abort, with its reason, and records the call as aborted", async () => {
    h.server.enqueue({ ...jsonReply(ada), delayMs: 60_000 });
    const controller = new AbortController();
    const pending = h.client().chat(extractPerson, "Ada", { ...call, signal: controller.signal });
    await vi.waitFor(() => expect(h.server.requests).toHaveLength(1));
    const reason = new Error("user went away");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(h.server.requests).toHaveLength(1);
    expect(h.ledger).toEqual([expect.objectContaining({ outcome: "aborted" })]);
  });
});

describe("aborting a backoff wait", () => {
  it("ends a long backoff at once when the caller aborts (default, real sleep)", async () => {
    h.server.setFallback(() => ({ type: "error", status: 500 }));
    const controller = new AbortController();
    const llm = h.client(
      {},
      { clock: { sleep: abortableSleep }, retry: { baseDelayMs: 600_000, maxDelayMs: 600_000 } },
    );
    const pending = llm.chat(extractPerson, "Ada", { ...call, signal: controller.signal });
    await vi.waitFor(() => expect(h.server.requests).toHaveLength(1));
    const reason = new Error("shutting down");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(h.server.requests).toHaveLength(1);
  });
});

describe("circuit breaker", () => {
  it.each([
    [500, "LLM_UNAVAILABLE"],
    [429, "LLM_RATE_LIMITED"],
  ])(
    "opens after a %i storm, fails fast without reaching the server, and closes after a good probe",
    async (status, code) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      h.server.setFallback(() => ({ type: "error", status }));
      const llm = h.client(
        {},
        { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 3, cooldownMs: 30_000 } },
      );
      for (let index = 0; index < 3; index += 1) {
        expect(codeOf(await rejectionOf(llm.chat(extractPerson, `storm ${index}`, call)))).toBe(code);
      }
      expect(llm.breakerState()).toBe("open");
      expect(await h.registry.getSingleMetricAsString("llm_breaker_state")).toMatch(
        /llm_breaker_state\{provider="127\.0\.0\.1:\d+"\} 1/,
      );

      const fast = await rejectionOf(llm.chat(extractPerson, "while open", call));
      expect(codeOf(fast)).toBe("LLM_UNAVAILABLE");
      expect((fast as AppError).details).toEqual({ breaker: "open" });
      expect(h.server.requests).toHaveLength(3);
      expect(h.logText()).toContain("circuit breaker opened");

      vi.setSystemTime(Date.now() + 30_001);
      expect(llm.breakerState()).toBe("half-open");
      expect(await h.registry.getSingleMetricAsString("llm_breaker_state")).toMatch(/\} 2$/m);
      h.server.setFallback(undefined);
      h.server.enqueue({ type: "chat", content: "Hello" });
      await expect(llm.chat(extractPerson, "probe", call)).resolves.toMatchObject({ value: "Hello" });
      expect(llm.breakerState()).toBe("closed");
      expect(h.server.requests).toHaveLength(4);
      expect(await h.registry.getSingleMetricAsString("llm_breaker_state")).toMatch(/\} 0$/m);
    },
  );

  it("reopens when the half-open probe fails", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    h.server.setFallback(() => ({ type: "error", status: 503 }));
    const llm = h.client(
      {},
      { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 2, cooldownMs: 1000 } },
    );
    await rejectionOf(llm.chat(extractPerson, "a", call));
    await rejectionOf(llm.chat(extractPerson, "b", call));
    vi.setSystemTime(Date.now() + 1001);
    await rejectionOf(llm.chat(extractPerson, "probe", call));
    expect(h.server.requests).toHaveLength(3);
    expect(llm.breakerState()).toBe("open");
    await rejectionOf(llm.chat(extractPerson, "c", call));
    expect(h.server.requests).toHaveLength(3);
  });

  it("is not opened by failures that say nothing about the provider's health", async () => {
    h.server.setFallback(() => ({ type: "error", status: 400, message: "bad request" }));
    const llm = h.client({}, { breaker: { consecutiveFailures: 2, cooldownMs: 30_000 } });
    for (let index = 0; index < 4; index += 1) await rejectionOf(llm.chat(extractPerson, `x${index}`, call));
    expect(llm.breakerState()).toBe("closed");
    expect(h.server.requests).toHaveLength(4);
  });
});

describe("metrics", () => {
  it("counts calls by operation and outcome and observes latency", async () => {
    h.server.enqueue({ type: "chat", content: "hi" }, { type: "error", status: 404 });
    const llm = h.client();
    await llm.chat(extractPerson, "a", call);
    await rejectionOf(llm.chat(extractPerson, "b", call));
    const text = await h.registry.metrics();
    expect(text).toContain('llm_requests_total{operation="chat",outcome="ok"} 1');
    expect(text).toContain('llm_requests_total{operation="chat",outcome="unavailable"} 1');
    expect(text).toMatch(/llm_latency_seconds_count\{operation="chat",cached="false"\} 2/);
  });

  it("lets several clients share one registry", async () => {
    h.server.setFallback(() => ({ type: "chat", content: "hi" }));
    const first = h.client();
    const second = h.client({ llmModel: "other-model" });
    await first.chat(extractPerson, "a", call);
    await second.chat(extractPerson, "a", call);
    expect(await h.registry.metrics()).toContain('llm_requests_total{operation="chat",outcome="ok"} 2');
  });
});
