/**
 * Latency the client adds to a structured call, against the loopback test server and the Redis at
 * TEST_REDIS_URL (default local): 500 sequential cold calls (distinct inputs: cache miss → HTTP →
 * validate → cache write), then the same 500 again (cache hits), after a warm-up. Prints p50/p90/p99/max.
 * The provider itself is instant here, so the figures are the client's own overhead.
 * Run: pnpm --filter @vitae/llm bench
 */
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { Registry } from "prom-client";
import { z } from "zod";
import { createLlmClient } from "../src/client";
import { definePrompt } from "../src/prompt";
import { jsonReply, startTestLlmServer, testLlmConfig } from "../src/testing";

const iterations = 500;
const warmup = 100;

const schema = z.object({
  name: z.string(),
  skills: z.array(z.object({ name: z.string(), years: z.number().int() })),
});
const prompt = definePrompt({
  id: "bench.extract",
  version: 1,
  system: "Extract the candidate's name and skills.",
  render: (text: string) => text,
});
const reply = {
  name: "Ada",
  skills: [
    { name: "TypeScript", years: 8 },
    { name: "PostgreSQL", years: 6 },
  ],
};

function summarize(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  return `${label.padEnd(22)} p50 ${ms(at(0.5))}  p90 ${ms(at(0.9))}  p99 ${ms(at(0.99))}  max ${ms(at(1))}`;
}

async function measure(
  inputs: readonly string[],
  run: (input: string) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    samples.push(performance.now() - start);
  }
  return samples;
}

const server = await startTestLlmServer();
server.setFallback(() => jsonReply(reply, { promptTokens: 300, completionTokens: 40 }));
const redis = createRedis(getTestRedisUrl(), { role: "client", name: "llm-bench" });
await once(redis, "ready");
const prefix = createTestPrefix();
let ledgerEntries = 0;
const llm = createLlmClient(testLlmConfig(server), {
  redis,
  prefix,
  logger: createLogger({ level: "warn", format: "json", name: "llm-bench" }),
  metrics: { registry: new Registry() },
  recordUsage: () => {
    ledgerEntries += 1;
  },
});
const call = (input: string) => llm.structured(schema, prompt, input, { workspaceId: "bench" });
const resume = (index: number) =>
  `Résumé #${index}: Ada Lovelace, TypeScript (8 years), PostgreSQL (6 years).`;

try {
  await measure(
    Array.from({ length: warmup }, (_, index) => resume(-index - 1)),
    call,
  );
  const inputs = Array.from({ length: iterations }, (_, index) => resume(index));
  const cold = await measure(inputs, call);
  const cached = await measure(inputs, call);
  const uncached = await measure(inputs, (input) =>
    llm.structured(schema, prompt, input, { workspaceId: "bench", cache: false }),
  );
  console.log(`structured call, ${iterations} sequential calls each (Node ${process.version})`);
  console.log(summarize("cold (miss → HTTP)", cold));
  console.log(summarize("cached (Redis hit)", cached));
  console.log(summarize("cache: false (HTTP)", uncached));
  console.log(`provider requests: ${server.requests.length}, ledger entries: ${ledgerEntries}`);
} finally {
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
  await server.close();
}
