import { createRedis } from "@vitae/redis";
import { scanKeys } from "@vitae/redis/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ada, call, extractPerson, greet, personSchema } from "../test/fixtures";
import { createHarness, type Harness, rejectionOf } from "../test/harness";
import { definePrompt } from "./prompt";
import { jsonReply } from "./testing";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function cacheKeys(): Promise<string[]> {
  return scanKeys(h.redis, `${h.prefix}:llm:cache:*`);
}

describe("response cache", () => {
  it("serves the second identical call from Redis: one request, marked cached, zero tokens in the ledger", async () => {
    h.server.enqueue(jsonReply(ada, { promptTokens: 40, completionTokens: 9 }));
    const llm = h.client();
    const first = await llm.structured(personSchema, extractPerson, "Ada", call);
    const second = await llm.structured(personSchema, extractPerson, "Ada", { workspaceId: "ws_other" });

    expect(first.cached).toBe(false);
    expect(second).toEqual({
      value: ada,
      cached: true,
      model: "test-model",
      usage: { tokensIn: 0, tokensOut: 0 },
    });
    expect(h.server.requests).toHaveLength(1);
    expect(
      h.ledger.map(({ cached, tokensIn, workspaceId, outcome }) => ({
        cached,
        tokensIn,
        workspaceId,
        outcome,
      })),
    ).toEqual([
      { cached: false, tokensIn: 40, workspaceId: "ws_test", outcome: "ok" },
      { cached: true, tokensIn: 0, workspaceId: "ws_other", outcome: "ok" },
    ]);
    expect(await h.registry.metrics()).toContain(
      'llm_requests_total{operation="structured",outcome="cache_hit"} 1',
    );
  });

  it("keys by prompt id@version, never by the raw input, with the configured TTL", async () => {
    h.server.enqueue({ type: "chat", content: "Hello Ada" });
    await h.client({}, { cacheTtlSeconds: 3600 }).chat(greet, "Ada Lovelace", call);
    const keys = await cacheKeys();
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toMatch(new RegExp(`^${h.prefix}:llm:cache:test\\.greet@1:[0-9a-f]{64}$`));
    expect(key).not.toContain("Lovelace");
    const ttl = await h.redis.ttl(key ?? "");
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("defaults the TTL to seven days", async () => {
    h.server.enqueue({ type: "chat", content: "Hello" });
    await h.client().chat(greet, "Ada", call);
    const [key] = await cacheKeys();
    expect(await h.redis.ttl(key ?? "")).toBeGreaterThan(7 * 86_400 - 10);
  });

  it.each([
    ["another input", () => ({ prompt: greet, input: "Grace", config: {} })],
    [
      "another prompt version",
      () => ({ prompt: definePrompt({ ...greet, version: 2 }), input: "Ada", config: {} }),
    ],
    ["another model", () => ({ prompt: greet, input: "Ada", config: { llmModel: "other-model" } })],
    [
      "other parameters",
      () => ({ prompt: definePrompt({ ...greet, temperature: 0.7 }), input: "Ada", config: {} }),
    ],
  ])("misses for %s", async (_label, variant) => {
    h.server.setFallback(() => ({ type: "chat", content: "Hello" }));
    await h.client().chat(greet, "Ada", call);
    const { prompt, input, config } = variant();
    const result = await h.client(config).chat(prompt, input, call);
    expect(result.cached).toBe(false);
    expect(h.server.requests).toHaveLength(2);
  });

  it("misses when the same prompt is asked for another schema", async () => {
    h.server.setFallback(() => jsonReply(ada));
    const llm = h.client();
    await llm.structured(personSchema, extractPerson, "Ada", call);
    await llm.structured(
      personSchema.extend({ nickname: personSchema.shape.name.optional() }),
      extractPerson,
      "Ada",
      call,
    );
    expect(h.server.requests).toHaveLength(2);
  });

  it("bypasses the cache with cache: false", async () => {
    h.server.setFallback(() => ({ type: "chat", content: "Hello" }));
    const llm = h.client();
    await llm.chat(greet, "Ada", call);
    const result = await llm.chat(greet, "Ada", { ...call, cache: false });
    expect(result.cached).toBe(false);
    expect(h.server.requests).toHaveLength(2);
  });

  it("never caches a failure", async () => {
    h.server.enqueue({ type: "error", status: 500 }, { type: "chat", content: "Hello" });
    const llm = h.client({}, { retry: { maxRetries: 0 } });
    await rejectionOf(llm.chat(greet, "Ada", call));
    expect(await cacheKeys()).toEqual([]);
    await expect(llm.chat(greet, "Ada", call)).resolves.toMatchObject({ cached: false, value: "Hello" });
    await expect(llm.chat(greet, "Ada", call)).resolves.toMatchObject({ cached: true, value: "Hello" });
    expect(h.server.requests).toHaveLength(2);
  });

  it("treats an entry that no longer matches the schema, or is corrupt, as a miss and overwrites it", async () => {
    h.server.setFallback(() => jsonReply(ada));
    const llm = h.client();
    await llm.structured(personSchema, extractPerson, "Ada", call);
    const [key] = await cacheKeys();
    await h.redis.set(key ?? "", JSON.stringify({ v: 1, value: { name: 7 } }));
    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      cached: false,
    });
    await h.redis.set(key ?? "", "{not json");
    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      cached: false,
    });
    await expect(llm.structured(personSchema, extractPerson, "Ada", call)).resolves.toMatchObject({
      cached: true,
    });
    expect(h.server.requests).toHaveLength(3);
  });

  it("keeps answering from the provider when Redis is down", async () => {
    h.server.setFallback(() => ({ type: "chat", content: "Hello" }));
    const down = createRedis("redis://127.0.0.1:1", { role: "client" });
    try {
      const llm = h.client({}, { redis: down });
      await expect(llm.chat(greet, "Ada", call)).resolves.toMatchObject({ cached: false, value: "Hello" });
      await expect(llm.chat(greet, "Ada", call)).resolves.toMatchObject({ cached: false, value: "Hello" });
      expect(h.logText()).toContain("llm cache read failed");
      expect(h.logText()).toContain("llm cache write failed");
      expect(h.server.requests).toHaveLength(2);
    } finally {
      down.disconnect();
    }
  });
});
