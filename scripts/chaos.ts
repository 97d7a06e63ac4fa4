/**
 * `pnpm chaos [--apis 2] [--workers 2] [--documents 300] [--kills 50] [--redis-restarts 20]`
 *
 * Starts a private distributed deployment on loopback (its own database on the local PostgreSQL, its own
 * `redis-server` on a free port, disk storage in a temporary directory, N API and M worker processes),
 * uploads documents through the APIs while it `kill -9`s workers and restarts Redis, then waits for every
 * acknowledged document to settle and prints:
 *   lost        acknowledged documents without an ingest run
 *   stuck       acknowledged documents neither ready nor failed when the wait ended
 *   duplicated  documents ingested by more than one run, or with more than one profile
 *   recovered   seconds from the last fault until every acknowledged document had settled (this includes
 *               working off the backlog, printed too)
 * Bounded: counts are fixed, the settle wait has a deadline (`--settle-seconds`, default 300). Everything
 * it started is stopped and removed at the end, also on Ctrl-C. Not a test: nothing is asserted; the
 * exit code is 1 when a figure other than `recovered` is not zero.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createTenant, uploadOne } from "./chaos-client.ts";
import {
  type AppProcess,
  appProcess,
  createDatabase,
  freePort,
  psql,
  sleep,
  startRedis,
  waitUntilReady,
} from "./chaos-cluster.ts";

const { values } = parseArgs({
  options: {
    apis: { type: "string", default: "2" },
    workers: { type: "string", default: "2" },
    documents: { type: "string", default: "300" },
    kills: { type: "string", default: "50" },
    "redis-restarts": { type: "string", default: "20" },
    "settle-seconds": { type: "string", default: "300" },
  },
});
const count = (name: keyof typeof values, max: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`--${name} must be 0..${max}`);
  return value;
};
const settings = {
  apis: Math.max(1, count("apis", 8)),
  workers: Math.max(1, count("workers", 8)),
  documents: count("documents", 2000),
  kills: count("kills", 500),
  redisRestarts: count("redis-restarts", 200),
  settleMs: count("settle-seconds", 3600) * 1000,
};

const root = await mkdtemp(join(tmpdir(), "vitae-chaos-"));
const logDir = join(root, "logs");
await mkdir(logDir);
const cleanups: (() => Promise<unknown>)[] = [];
let isCleaningUp = false;
async function cleanup(): Promise<void> {
  if (isCleaningUp) return;
  isCleaningUp = true;
  for (const step of cleanups.reverse()) await step().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

const log = (message: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);

try {
  const database = await createDatabase(
    `vitae_chaos_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`,
  );
  cleanups.push(() => database.drop());
  const redis = await startRedis(root);
  cleanups.push(() => redis.stop());
  log(`redis ${redis.url}, database ${new URL(database.url).pathname.slice(1)}, data ${root}`);

  const apiPorts = await Promise.all(Array.from({ length: settings.apis }, freePort));
  const baseUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  const common = {
    NODE_ENV: "development",
    LOG_FORMAT: "json",
    LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: "5",
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: "vitae-chaos",
    DATA_DIR: join(root, "data"),
    // Disk storage shared by every process; the first API's address serves the signed URLs.
    PUBLIC_URL: baseUrls[0] ?? "",
    STORAGE_SIGNING_SECRET: randomBytes(32).toString("hex"),
    AUTH_SECRET: randomBytes(32).toString("hex"),
    RECONCILE_INTERVAL_MS: "2000",
    RECONCILE_STUCK_AFTER_MS: "5000",
    RATE_LIMIT_AUTH: "100000/1m",
    RATE_LIMIT_PUBLIC: "100000/1m",
    RATE_LIMIT_DEFAULT_FREE: "100000/1m",
    RATE_LIMIT_UPLOAD_FREE: "100000/1h",
    RATE_LIMIT_TIMEOUT_MS: "2000",
  };
  const apis = apiPorts.map((port, index) =>
    appProcess(`api-${index + 1}`, "api", { ...common, PORT: String(port) }, logDir),
  );
  const workerPorts = await Promise.all(Array.from({ length: settings.workers }, freePort));
  const workers = workerPorts.map((port, index) =>
    appProcess(`worker-${index + 1}`, "worker", { ...common, WORKER_HEALTH_PORT: String(port) }, logDir),
  );
  const everyProcess: AppProcess[] = [...apis, ...workers];
  cleanups.push(() => Promise.all(everyProcess.map((proc) => proc.kill("SIGKILL"))));

  // The first API migrates the database; the others start once it is ready.
  apis[0]?.start();
  await waitUntilReady(`${baseUrls[0]}/readyz`, 120_000);
  for (const proc of [...apis.slice(1), ...workers]) proc.start();
  await Promise.all([
    ...baseUrls.map((url) => waitUntilReady(`${url}/readyz`, 120_000)),
    ...workerPorts.map((port) => waitUntilReady(`http://127.0.0.1:${port}/readyz`, 120_000)),
  ]);
  log(`${settings.apis} APIs and ${settings.workers} workers ready`);

  // PDFs and DOCX take long enough to extract (a sandboxed child per file) that kills land mid-job.
  const resumes = await Promise.all(
    ["marcus-lee.pdfkit.pdf", "ana-souza.docx", "ana-souza.pdf-lib.pdf", "marcus-lee.txt"].map(
      async (name) => ({
        name,
        bytes: await readFile(new URL(`../packages/documents/fixtures/resumes/${name}`, import.meta.url)),
      }),
    ),
  );
  const session = await createTenant(baseUrls[0] ?? "");

  const acknowledged: string[] = [];
  let unacknowledged = 0;
  let uploaded = 0;
  // Uploads are spread over the whole fault phase (about one kill every 1.5 s, one restart every 4 s).
  const faultPhaseMs = Math.max(settings.kills * 1500, settings.redisRestarts * 4000);
  const uploadEveryMs = settings.documents === 0 ? 0 : faultPhaseMs / settings.documents;
  const phaseStart = Date.now();
  const uploading = (async () => {
    // Four clients at a time, spread over the APIs.
    const next = { index: 0 };
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let index = next.index++; index < settings.documents; index = next.index++) {
          await sleep(Math.max(0, phaseStart + index * uploadEveryMs - Date.now()));
          const baseUrl = baseUrls[index % baseUrls.length] ?? "";
          const resume = resumes[index % resumes.length] ?? { name: "", bytes: Buffer.alloc(0) };
          const id = await uploadOne(baseUrl, session, `${index}-${resume.name}`, resume.bytes);
          if (id === null) unacknowledged += 1;
          else acknowledged.push(id);
          uploaded += 1;
        }
      }),
    );
  })();

  let kills = 0;
  let restarts = 0;
  let lastFaultAt = Date.now();
  const killing = (async () => {
    while (kills < settings.kills) {
      await sleep(1500);
      // A worker that has had time to take jobs; restarted at once, as a supervisor would.
      const victims = workers.filter((proc) => proc.isRunning() && Date.now() - proc.startedAt > 5000);
      const victim = victims[Math.floor(Math.random() * victims.length)];
      if (victim === undefined) continue;
      await victim.kill("SIGKILL");
      victim.start();
      kills += 1;
      lastFaultAt = Date.now();
    }
  })();
  const restarting = (async () => {
    while (restarts < settings.redisRestarts) {
      await sleep(4000);
      await redis.restart(restarts % 2 === 1);
      restarts += 1;
      lastFaultAt = Date.now();
    }
  })();
  const progress = setInterval(() => {
    log(`uploaded ${uploaded}/${settings.documents}, worker kills ${kills}, redis restarts ${restarts}`);
  }, 10_000);
  await Promise.all([uploading, killing, restarting]);
  clearInterval(progress);
  log(`faults done: ${kills} kill -9s, ${restarts} Redis restarts; ${acknowledged.length} acknowledged`);

  const ids = acknowledged.map((id) => `'${id}'`).join(",") || "null";
  const unsettled = async () =>
    Number(
      (
        await psql(
          database.url,
          `select count(*) from documents where id in (${ids}) and status not in ('ready','failed')`,
        )
      )[0]?.[0] ?? 0,
    );
  const settleDeadline = Date.now() + settings.settleMs;
  let remaining = await unsettled();
  const inFlightAtLastFault = remaining;
  while (remaining > 0 && Date.now() < settleDeadline) {
    await sleep(1000);
    remaining = await unsettled();
  }
  const recoveredInSeconds = remaining === 0 ? (Date.now() - lastFaultAt) / 1000 : Number.NaN;

  const [figures] = await psql(
    database.url,
    `with acked as (select id from documents where id in (${ids}))
     select
       (select count(*) from acked a where not exists (
          select 1 from job_runs r where r.payload->>'documentId' = a.id::text)),
       (select count(*) from documents d join acked a using (id) where d.status not in ('ready','failed')),
       (select count(*) from acked a where
          (select count(*) from job_runs r where r.payload->>'documentId' = a.id::text) > 1
          or (select count(*) from profiles p where p.document_id = a.id) > 1),
       (select count(*) from documents d join acked a using (id) where d.status = 'ready'),
       (select count(*) from documents d join acked a using (id) where d.status = 'failed'),
       (select count(*) from job_runs where attempts > 1)`,
  );
  const [lost, stuck, duplicated, ready, failed, retried] = (figures ?? []).map(Number);
  console.log("");
  console.log(
    `documents: ${settings.documents} uploads tried, ${acknowledged.length} acknowledged, ${unacknowledged} refused`,
  );
  console.log(`faults: ${kills} worker kill -9s, ${restarts} Redis restarts (every other one SIGKILL)`);
  console.log(`outcome: ${ready} ready, ${failed} failed, ${retried} runs needed more than one attempt`);
  console.log(`backlog: ${inFlightAtLastFault} documents not yet settled when the faults stopped`);
  console.log(
    `lost ${lost} / stuck ${stuck} / duplicated ${duplicated} / recovered in ${
      Number.isNaN(recoveredInSeconds) ? "— (not within the deadline)" : `${recoveredInSeconds.toFixed(1)} s`
    }`,
  );
  process.exitCode = lost === 0 && stuck === 0 && duplicated === 0 ? 0 : 1;
} catch (error) {
  console.error("chaos run failed:", error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
