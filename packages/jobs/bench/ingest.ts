import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import {
  createWorkspaceWithOwner,
  getDocument,
  insertDocument,
  markDocumentFinalized,
  users,
} from "@vitae/db";
import { createTestDatabase } from "@vitae/db/testing";
import { anaSouza, marcusLee, renderPdfkit } from "@vitae/documents/testing";
import { createLlmClient, type LlmClient, unconfiguredLlmClient } from "@vitae/llm";
import { jsonReply, startTestLlmServer } from "@vitae/llm/testing";
import { createLogger } from "@vitae/logger";
import { createQueueClient, ingestDocumentJob } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createDiskStore } from "@vitae/storage";
import { startWorkers } from "../src/index";

/**
 * `pnpm bench:ingest`: documents per minute through the real ingest path — Postgres rows, disk storage,
 * BullMQ, the worker, the sandboxed extraction child and the heuristic parser — for a two-page PDF at
 * worker concurrency 1 and 4; then the LLM path against the in-repo OpenAI-compatible test server.
 * Prints figures; asserts nothing. Env: BENCH_DOCUMENTS (default 40 per run).
 */
const documentsPerRun = Number(process.env.BENCH_DOCUMENTS ?? 40);
const logger = createLogger({
  level: "warn",
  format: "json",
  name: "bench-ingest",
  destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
});
const database = await createTestDatabase();
const db = database.handle.db;
const prefix = createTestPrefix();
const rootDir = await mkdtemp(join(tmpdir(), "vitae-bench-ingest-"));
const storage = createDiskStore({ rootDir, signingSecret: "b".repeat(40), publicUrl: "http://127.0.0.1:1" });
const producer = createRedis(getTestRedisUrl(), { role: "producer" });
const client = createRedis(getTestRedisUrl(), { role: "client" });
await Promise.all([once(producer, "ready"), once(client, "ready")]);
const queue = createQueueClient({ db, redis: producer, prefix, logger });
const userId = crypto.randomUUID();
await db.insert(users).values({ id: userId, name: "Bench", email: "bench@example.com", emailVerified: true });
const { id: workspaceId } = await createWorkspaceWithOwner(db, { name: "Bench", ownerId: userId });
const pdf = await renderPdfkit(anaSouza, { repeat: 2 });

async function runBatch(concurrency: number, llm: LlmClient, count: number, bytes: Buffer) {
  const workers = await startWorkers({
    db,
    storage,
    services: { llm, llmFor: async () => llm, extraction: { timeoutMs: 20_000, maxMemoryMb: 256 } },
    redisUrl: getTestRedisUrl(),
    prefix,
    logger,
    concurrency,
    reconcile: { intervalMs: 60_000, staleAfterMs: 60_000 },
  });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = crypto.randomUUID();
    const document = await insertDocument(db, {
      id,
      workspaceId,
      uploadedBy: userId,
      filename: "resume.pdf",
      contentType: "application/pdf",
      size: bytes.length,
    });
    await storage.put(document.storageKey, bytes, { contentType: "application/pdf" });
    await markDocumentFinalized(db, { workspaceId, documentId: id });
    ids.push(id);
  }
  const started = performance.now();
  const latencies: number[] = [];
  await Promise.all(
    ids.map(async (id) => {
      await queue.enqueue(ingestDocumentJob, { documentId: id }, { workspaceId, jobRunId: id });
      const enqueued = performance.now();
      for (;;) {
        const document = await getDocument(db, { workspaceId, documentId: id });
        if (document?.status === "ready" || document?.status === "failed") {
          if (document.status === "failed") throw new Error(`bench document failed: ${document.errorCode}`);
          latencies.push(performance.now() - enqueued);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  const elapsed = performance.now() - started;
  await workers.close();
  latencies.sort((a, b) => a - b);
  return {
    perMinute: Math.round((count / elapsed) * 60_000),
    p50: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
  };
}

const rows: Record<string, string | number>[] = [];
for (const concurrency of [1, 4]) {
  const result = await runBatch(concurrency, unconfiguredLlmClient, documentsPerRun, pdf);
  rows.push({
    path: "basic (heuristic)",
    concurrency,
    "docs/min": result.perMinute,
    "p50 ms": result.p50,
    "p99 ms": result.p99,
  });
}

const llmServer = await startTestLlmServer();
llmServer.setFallback(() => jsonReply({ ...emptyLlmProfile(), name: "Ana Souza" }));
const llm = createLlmClient(
  {
    llmBaseUrl: llmServer.url,
    llmApiKey: undefined,
    llmModel: "bench-model",
    llmTimeoutMs: 30_000,
    llmTranscriptionModel: undefined,
    llmSpeechModel: undefined,
  },
  { redis: client, prefix, recordUsage: () => undefined, logger },
);
// Distinct bytes per document would defeat the cache; the LLM path is measured uncached on purpose.
const marcusPdf = await renderPdfkit(marcusLee, { repeat: 2 });
const llmRun = await runBatch(4, llm, Math.max(10, Math.floor(documentsPerRun / 2)), marcusPdf);
rows.push({
  path: "LLM (test server, cache cold then warm)",
  concurrency: 4,
  "docs/min": llmRun.perMinute,
  "p50 ms": llmRun.p50,
  "p99 ms": llmRun.p99,
});

console.log(
  `\nbench:ingest — two-page PDF (${pdf.length} bytes), ${documentsPerRun} documents per run, Node ${process.version}`,
);
console.table(rows);
console.log(
  "extraction child peak RSS: see `pnpm --filter @vitae/documents bench` (median/max per document)",
);

function emptyLlmProfile() {
  return {
    name: null,
    headline: null,
    summary: null,
    contact: { email: null, phone: null, location: null, links: [] },
    experiences: [],
    education: [],
    projects: [],
    skills: [],
  };
}

await llmServer.close();
await queue.close();
await deleteKeysByPrefix(client, prefix);
await producer.quit();
await client.quit();
await database.drop();
await rm(rootDir, { recursive: true, force: true });
