import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jsonReply, splitIntoChunks, startTestLlmServer, type TestLlmServer } from "./index";

let server: TestLlmServer;
beforeEach(async () => {
  server = await startTestLlmServer({ models: ["m1", "m2"] });
});
afterEach(async () => {
  await server.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the test LLM server", () => {
  it("lists its models without consuming the script", async () => {
    server.enqueue(jsonReply({}));
    const response = await fetch(`${server.url}/models`);
    expect(await response.json()).toMatchObject({ data: [{ id: "m1" }, { id: "m2" }] });
    expect(server.pendingSteps()).toBe(1);
  });

  it("answers a completion in the OpenAI shape and records the request", async () => {
    server.enqueue({ type: "chat", content: "hi", usage: { promptTokens: 3, completionTokens: 1 } });
    const response = await post("/chat/completions", {
      model: "m1",
      messages: [{ role: "user", content: "x" }],
    });
    expect(await response.json()).toMatchObject({
      object: "chat.completion",
      model: "m1",
      choices: [{ message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    });
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/chat/completions",
      body: { model: "m1" },
    });
  });

  it("streams SSE chunks ending in [DONE]", async () => {
    server.enqueue({ type: "chat", content: "abcdef", chunks: 3 });
    const response = await post("/chat/completions", { model: "m1", messages: [], stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const text = await response.text();
    const events = text.split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const contents = events
      .slice(0, -1)
      .map((event) => JSON.parse(event.slice(6)).choices[0].delta.content)
      .filter((content) => content !== undefined);
    expect(contents).toEqual(["ab", "cd", "ef"]);
  });

  it("answers 500 when the script is exhausted or a step does not fit the route", async () => {
    expect((await post("/chat/completions", {})).status).toBe(500);
    server.enqueue({ type: "transcription", text: "x" });
    const mismatch = await post("/chat/completions", {});
    expect(mismatch.status).toBe(500);
    expect(JSON.stringify(await mismatch.json())).toContain("cannot answer /chat/completions");
  });

  it("uses the fallback when the script is empty", async () => {
    server.setFallback((request) => ({ type: "chat", content: `echo ${request.path}` }));
    const body = (await (await post("/chat/completions", {})).json()) as {
      choices: Array<{ message: { content: string } }>;
    };
    expect(body.choices[0]?.message.content).toBe("echo /chat/completions");
  });

  it("sends scripted errors with their headers", async () => {
    server.enqueue({ type: "error", status: 429, headers: { "retry-after": "2" } });
    const response = await post("/chat/completions", {});
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
  });

  it("cuts a truncated body off mid-way", async () => {
    server.enqueue({ type: "truncated", content: "x".repeat(200) });
    const response = await post("/chat/completions", {});
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it("drops the connection", async () => {
    server.enqueue({ type: "drop" });
    await expect(post("/chat/completions", {})).rejects.toThrow("fetch failed");
  });

  it("refuses response_format when told to, and checks the key when it has one", async () => {
    server.configure({ rejectResponseFormat: true, apiKey: "k1" });
    const unauthorised = await post("/chat/completions", {}, { authorization: "Bearer nope" });
    expect(unauthorised.status).toBe(401);
    const refused = await post(
      "/chat/completions",
      { response_format: { type: "json_object" } },
      { authorization: "Bearer k1" },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("response_format");
  });

  it("parses multipart uploads", async () => {
    server.enqueue({ type: "transcription", text: "ok" });
    const form = new FormData();
    form.append("model", "w");
    form.append("file", new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" }), "a.wav");
    const response = await fetch(`${server.url}/audio/transcriptions`, { method: "POST", body: form });
    expect(await response.json()).toEqual({ text: "ok" });
    expect(server.requests[0]?.form).toEqual({
      model: "w",
      file: { filename: "a.wav", type: "audio/wav", bytes: new Uint8Array([1, 2, 3]) },
    });
  });

  it("reset clears script, fallback and requests", async () => {
    server.enqueue(jsonReply({}));
    server.setFallback(() => jsonReply({}));
    await post("/chat/completions", {});
    server.reset();
    expect(server.requests).toHaveLength(0);
    expect(server.pendingSteps()).toBe(0);
    expect((await post("/chat/completions", {})).status).toBe(500);
  });
});

describe("splitIntoChunks", () => {
  it("splits evenly and never returns empty pieces", () => {
    expect(splitIntoChunks("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(splitIntoChunks("ab", 5)).toEqual(["a", "b"]);
    expect(splitIntoChunks("", 3)).toEqual([""]);
  });
});
