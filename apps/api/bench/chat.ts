import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createTestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getClosedPort, getTestRedisUrl } from "@vitae/redis/testing";
import { signUpAndSignIn } from "./session";

/**
 * `pnpm bench:chat`: `chat.ask` over HTTP in basic mode against one API (its own thread and core) with
 * a real Postgres profile, at 1, 10 and 50 concurrent sessions. Each session asks a rotating set of
 * questions (follow-ups included). Prints asks/s, p50/p99 and the mean per-stage timings the pipeline
 * reports. Env: BENCH_ASKS (asks per level, default 300).
 */
const asksPerLevel = Number(process.env.BENCH_ASKS ?? 300);
const questions = [
  "Where does he work now?",
  "What technologies did he use there?",
  "What databases does he know?",
  "Tell me about his education",
  "What did he do at Orbital Retail?",
  "Has he used Kafka?",
  "What did he do before Brightline Health?",
  "Give me a summary of his experience",
];

const database = await createTestDatabase();
const prefix = createTestPrefix();
const port = await getClosedPort();
const url = `http://127.0.0.1:${port}`;
const server = new Worker(new URL("./server-thread.ts", import.meta.url), {
  execArgv: ["--import", "tsx"],
  workerData: {
    runWorkers: true,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      REDIS_URL: getTestRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: "/tmp/vitae-bench-chat",
      STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
      METRICS_TOKEN: "bench-only-metrics-token-0123456789",
      RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
      RATE_LIMIT_UPLOAD_FREE: "1000/1h",
      QUOTA_FREE_REQUESTS: "1000000000",
    },
  },
});
await once(server, "message");

const json = { "content-type": "application/json", origin: url };
const cookie = await signUpAndSignIn(url, "chat-bench@example.com");
const post = async (path: string, body: unknown) => {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { result: { data: Record<string, unknown> } }).result.data;
};
await post("workspaces.create", { name: "Chat bench" });
const resume = await readFile(
  fileURLToPath(new URL("../../../packages/documents/fixtures/resumes/marcus-lee.txt", import.meta.url)),
);
const created = await post("documents.createUpload", {
  filename: "marcus.txt",
  contentType: "text/plain",
  size: resume.length,
});
const upload = created.upload as { url: string; headers: Record<string, string> };
await fetch(upload.url, { method: "PUT", headers: upload.headers, body: resume });
await post("documents.finalize", { documentId: created.documentId });
let profileId: string | null = null;
while (!profileId) {
  const input = encodeURIComponent(JSON.stringify({ documentId: created.documentId }));
  const document = (await (
    await fetch(`${url}/trpc/documents.byId?input=${input}`, { headers: { cookie } })
  ).json()) as {
    result: { data: { profileId: string | null } };
  };
  profileId = document.result.data.profileId;
  if (!profileId) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function runLevel(sessions: number) {
  const latencies: number[] = [];
  const stageTotals: Record<string, number> = {};
  let remaining = asksPerLevel;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: sessions }, async (_, session) => {
      let sessionId: string | undefined;
      let turn = session;
      while (remaining > 0) {
        remaining -= 1;
        const question = questions[turn % questions.length];
        turn += 1;
        const asked = performance.now();
        const data = await post("chat.ask", { profileId, question, ...(sessionId ? { sessionId } : {}) });
        latencies.push(performance.now() - asked);
        sessionId = data.sessionId as string;
        for (const [stage, ms] of Object.entries(data.timings as Record<string, number>)) {
          stageTotals[stage] = (stageTotals[stage] ?? 0) + ms;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const stages = Object.fromEntries(
    Object.entries(stageTotals).map(([stage, total]) => [
      stage,
      Number((total / latencies.length).toFixed(3)),
    ]),
  );
  return {
    sessions,
    "asks/s": Math.round((latencies.length / elapsed) * 1000),
    "p50 ms": Number((latencies[Math.floor(latencies.length / 2)] ?? 0).toFixed(1)),
    "p99 ms": Number((latencies[Math.floor(latencies.length * 0.99)] ?? 0).toFixed(1)),
    stages,
  };
}

await runLevel(5);
const results = [];
for (const sessions of [1, 10, 50]) results.push(await runLevel(sessions));

console.log(`\nbench:chat — chat.ask in basic mode, ${asksPerLevel} asks per level, Node ${process.version}`);
console.table(results.map(({ stages: _stages, ...row }) => row));
console.log("mean per-stage pipeline time (ms) per ask:");
console.table(Object.fromEntries(results.map((row) => [`${row.sessions} sessions`, row.stages])));

server.postMessage({ type: "stop" });
await once(server, "message");
await server.terminate();
await database.drop();
const redis = createRedis(getTestRedisUrl(), { role: "client" });
await once(redis, "ready");
await deleteKeysByPrefix(redis, prefix);
await redis.quit();
