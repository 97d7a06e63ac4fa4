import { AppError } from "@vitae/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ada, call, extractPerson, messagesOf, personSchema } from "../test/fixtures";
import { createHarness, type Harness, rejectionOf } from "../test/harness";
import { jsonReply } from "./testing";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe("structured output", () => {
  it("sends a json_schema response_format, validates the reply and records usage", async () => {
    h.server.enqueue(jsonReply(ada, { promptTokens: 40, completionTokens: 9 }));
    const result = await h.client().structured(personSchema, extractPerson, "Ada, 12 years in tech", call);

    expect(result).toEqual({
      value: ada,
      cached: false,
      model: "test-model",
      usage: { tokensIn: 40, tokensOut: 9 },
    });
    const [request] = h.server.requestsTo("/chat/completions");
    const body = request?.body as {
      model: string;
      response_format: { type: string; json_schema: { name: string; schema: { required: string[] } } };
    };
    expect(body.model).toBe("test-model");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.name).toBe("test_extract-person");
    expect(body.response_format.json_schema.schema.required).toEqual(["name", "years"]);
    expect(body.response_format.json_schema.schema).not.toHaveProperty("$schema");
    const [system, user] = messagesOf(body);
    expect(system?.content).toContain("Extract the person described.");
    expect(system?.content).toContain('"years"');
    expect(user).toEqual({ role: "user", content: "Text: Ada, 12 years in tech" });
    expect(h.ledger).toEqual([
      {
        workspaceId: "ws_test",
        operation: "structured",
        model: "test-model",
        promptId: "test.extract-person",
        promptVersion: 1,
        tokensIn: 40,
        tokensOut: 9,
        latencyMs: expect.any(Number),
        cached: false,
        outcome: "ok",
      },
    ]);
  });

  it("repairs invalid JSON once, quoting the bad reply and the problem, and sums usage", async () => {
    h.server.enqueue(
      { type: "chat", content: '{"name": "Ada", "years":', usage: { promptTokens: 30, completionTokens: 5 } },
      jsonReply(ada, { promptTokens: 50, completionTokens: 8 }),
    );
    const result = await h.client().structured(personSchema, extractPerson, "Ada", call);

    expect(result.value).toEqual(ada);
    expect(result.usage).toEqual({ tokensIn: 80, tokensOut: 13 });
    const requests = h.server.requestsTo("/chat/completions");
    expect(requests).toHaveLength(2);
    const repair = messagesOf(requests[1]?.body);
    expect(repair.at(-2)).toEqual({ role: "assistant", content: '{"name": "Ada", "years":' });
    expect(repair.at(-1)?.role).toBe("user");
    expect(repair.at(-1)?.content).toContain("not valid JSON");
    expect(h.ledger).toHaveLength(1);
    expect(h.ledger[0]).toMatchObject({ outcome: "ok", tokensIn: 80, tokensOut: 13 });
  });

  it("repairs a schema mismatch, naming the failing field", async () => {
    h.server.enqueue(jsonReply({ name: "Ada", years: "twelve" }), jsonReply(ada));
    const result = await h.client().structured(personSchema, extractPerson, "Ada", call);
    expect(result.value).toEqual(ada);
    const repair = messagesOf(h.server.requestsTo("/chat/completions")[1]?.body);
    expect(repair.at(-1)?.content).toMatch(/- years: /);
  });

  it("accepts a fenced reply without a repair", async () => {
    h.server.enqueue({ type: "chat", content: `\`\`\`json\n${JSON.stringify(ada)}\n\`\`\`` });
    const result = await h.client().structured(personSchema, extractPerson, "Ada", call);
    expect(result.value).toEqual(ada);
    expect(h.server.requests).toHaveLength(1);
  });

  it("fails with LLM_BAD_OUTPUT when the repair is bad too, after exactly two requests, caching nothing", async () => {
    h.server.enqueue(jsonReply({ name: 1 }), { type: "chat", content: "Sorry, I cannot help with that." });
    const llm = h.client();
    const error = await rejectionOf(llm.structured(personSchema, extractPerson, "Ada", call));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LLM_BAD_OUTPUT");
    expect((error as AppError).details?.problems).toEqual([
      "the reply is not valid JSON (it may be cut off or wrapped in prose)",
    ]);
    expect(JSON.stringify((error as AppError).details)).not.toContain("Sorry");
    expect(h.server.requests).toHaveLength(2);
    expect(h.ledger).toEqual([expect.objectContaining({ outcome: "bad_output", cached: false })]);

    h.server.enqueue(jsonReply(ada));
    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      cached: false,
    });
    expect(h.server.requests).toHaveLength(3);
  });

  it("falls back to prompt-only JSON when response_format is refused, and remembers it for the provider", async () => {
    h.server.configure({ rejectResponseFormat: true });
    h.server.enqueue(jsonReply(ada), jsonReply({ name: "Grace", years: 40 }));
    const llm = h.client();

    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      value: ada,
    });
    const [refused, accepted] = h.server.requestsTo("/chat/completions");
    expect(h.server.requests).toHaveLength(2);
    expect(refused?.body).toHaveProperty("response_format");
    expect(accepted?.body).not.toHaveProperty("response_format");
    expect(messagesOf(accepted?.body)[0]?.content).toContain("JSON Schema");

    await llm.structured(personSchema, extractPerson, "Grace", call);
    expect(h.server.requests).toHaveLength(3);
    expect(h.server.requests[2]?.body).not.toHaveProperty("response_format");
    expect(h.logText()).toContain("refused response_format");
  });

  it("does not treat other 400s as a refused response_format: no fallback, no retry", async () => {
    h.server.enqueue({
      type: "error",
      status: 400,
      message: "This model's maximum context length is 8192 tokens.",
    });
    const error = await rejectionOf(h.client().structured(personSchema, extractPerson, "Ada", call));
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
    expect((error as AppError).details).toEqual({ providerStatus: 400 });
    expect(h.server.requests).toHaveLength(1);
  });

  it("maps a 200 whose body is not JSON to LLM_BAD_OUTPUT without retrying", async () => {
    h.server.enqueue({ type: "raw", body: '{"choices": [ {"message": ' });
    const error = await rejectionOf(h.client().structured(personSchema, extractPerson, "Ada", call));
    expect((error as AppError).code).toBe("LLM_BAD_OUTPUT");
    expect(h.server.requests).toHaveLength(1);
  });

  it("maps a completion without choices to LLM_BAD_OUTPUT", async () => {
    h.server.enqueue({ type: "raw", body: JSON.stringify({ choices: [] }) });
    const error = await rejectionOf(h.client().chat(extractPerson, "Ada", call));
    expect((error as AppError).code).toBe("LLM_BAD_OUTPUT");
  });

  it("retries a body cut off mid-way (a connection failure) and succeeds", async () => {
    h.server.enqueue({ type: "truncated", content: JSON.stringify(ada) }, jsonReply(ada));
    const result = await h.client().structured(personSchema, extractPerson, "Ada", call);
    expect(result.value).toEqual(ada);
    expect(h.server.requests).toHaveLength(2);
    expect(h.sleeps).toHaveLength(1);
  });

  it.each([
    ["rejects", () => Promise.reject(new Error("postgres down"))],
    [
      "throws",
      () => {
        throw new Error("postgres down");
      },
    ],
  ])("still answers when the usage ledger %s, and logs it", async (_label, recordUsage) => {
    h.server.enqueue(jsonReply(ada));
    const llm = h.client({}, { recordUsage });
    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      value: ada,
    });
    await vi.waitFor(() => expect(h.logText()).toContain("llm usage ledger write failed"));
  });
});
