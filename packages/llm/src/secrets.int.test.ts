import type { AppError } from "@vitae/errors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, greet } from "../test/fixtures";
import { createHarness, type Harness, rejectionOf } from "../test/harness";

const apiKey = "sk-planted-6f1c9e2ab7d04e4f8c3d";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ apiKey });
});
afterEach(async () => {
  await h.close();
});

/** Everything an error could expose: messages, stacks, details and own properties, down the cause chain. */
function exposeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? "", JSON.stringify({ ...current }), String(current));
      current = current.cause;
    } else {
      parts.push(JSON.stringify(current) ?? String(current));
      current = undefined;
    }
  }
  return parts.join("\n");
}

describe("the API key", () => {
  it("is sent as a bearer token", async () => {
    h.server.enqueue({ type: "chat", content: "Hello" });
    await h.client({ llmApiKey: apiKey }).chat(greet, "Ada", call);
    expect(h.server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("never appears in errors, logs or the ledger when the provider echoes it back", async () => {
    // The server expects another key, and its 401 quotes the key it received, as OpenAI's does.
    h.server.configure({ apiKey: "sk-the-right-one" });
    const error = await rejectionOf(h.client({ llmApiKey: apiKey }).chat(greet, "Ada", call));
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
    expect(exposeError(error)).toContain("Incorrect API key provided");
    expect(exposeError(error)).toContain("[redacted]");
    expect(exposeError(error)).not.toContain(apiKey);
    expect(h.logText()).not.toContain(apiKey);
    expect(JSON.stringify(h.ledger)).not.toContain(apiKey);
  });

  it("is scrubbed from retried 5xx bodies that quote it, in logs and in the final error", async () => {
    h.server.setFallback(() => ({ type: "error", status: 502, message: `upstream rejected key ${apiKey}` }));
    const error = await rejectionOf(h.client({ llmApiKey: apiKey }).chat(greet, "Ada", call));
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
    expect(h.logText()).toContain("retrying");
    expect(h.logText()).toContain("upstream rejected key [redacted]");
    expect(h.logText()).not.toContain(apiKey);
    expect(exposeError(error)).not.toContain(apiKey);
  });

  it("stays out of timeout and connection errors", async () => {
    h.server.configure({ apiKey });
    h.server.enqueue({ type: "chat", content: "late", delayMs: 60_000 });
    const llm = h.client({ llmApiKey: apiKey, llmTimeoutMs: 100 }, { retry: { maxRetries: 0 } });
    const timeoutError = await rejectionOf(llm.chat(greet, "Ada", call));
    expect((timeoutError as AppError).code).toBe("LLM_TIMEOUT");
    expect(exposeError(timeoutError)).not.toContain(apiKey);
    expect(h.logText()).not.toContain(apiKey);
  });
});
