import { once } from "node:events";
import { withSpan } from "@vitae/tracing/spans";
import { startInMemoryTracing } from "@vitae/tracing/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./create-redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "./testing";

const tracing = await startInMemoryTracing("vitae-redis-test");
const prefix = createTestPrefix();
let redis: ReturnType<typeof createRedis>;

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});
afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
  await tracing.shutdown();
});

describe("Redis command spans", () => {
  it("traces the commands of a traced request by name only, and nothing outside one", async () => {
    const secretValue = "résumé-of-planted-person@example.org";
    tracing.reset();
    await redis.set(`${prefix}:outside`, "x");
    await withSpan("request", {}, async () => {
      await redis.set(`${prefix}:session:abc`, secretValue);
      expect(await redis.get(`${prefix}:session:abc`)).toBe(secretValue);
      await expect(redis.incr(`${prefix}:session:abc`)).rejects.toThrow();
    });
    const spans = await tracing.spans();
    const request = spans.find((span) => span.name === "request");
    const commands = spans.filter((span) => span.name.startsWith("redis "));
    expect(commands.map((span) => span.name)).toEqual(["redis set", "redis get", "redis incr"]);
    for (const span of commands) {
      expect(span.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
      expect(span.attributes["db.system.name"]).toBe("redis");
    }
    expect(commands[2]?.status.code).toBe(2);
    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toContain(secretValue);
    expect(everything).not.toContain(prefix);
  });
});
