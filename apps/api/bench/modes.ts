import autocannon from "autocannon";
import { startBenchServer } from "./bench-server";
import { signUpWithKey, startSelfTest } from "./session";

/**
 * `pnpm bench:modes`: embedded mode against distributed mode on the same machine in one run. Both servers
 * run side by side (each in its own process): distributed on a test database of the local PostgreSQL,
 * embedded with no DATABASE_URL in a fresh DATA_DIR (its own PostgreSQL server, or PGlite with
 * EMBEDDED_DATABASE=pglite) with its workers in-process. Targets are measured alternately, mode by
 * mode and round by round, so a busy machine slows both alike. Prints req/s and p99 per mode and the
 * embedded/distributed ratio. Env: BENCH_DURATION_S (per round, default 5), BENCH_ROUNDS (default 2),
 * BENCH_CONNECTIONS (default 50).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const modes = ["distributed", "embedded"] as const;
type Mode = (typeof modes)[number];

interface ModeServer {
  url: string;
  headers: { cookie: string; key: string };
  runId: string;
  stop(): Promise<void>;
}

async function startServer(mode: Mode): Promise<ModeServer> {
  const bench = await startBenchServer({ mode });
  const headers = await signUpWithKey(bench.url);
  const runId = await startSelfTest(bench.url);
  return { url: bench.url, headers, runId, stop: () => bench.close() };
}

const targets: Array<{
  name: string;
  path(server: ModeServer): string;
  headers?(server: ModeServer): object;
}> = [
  { name: "bare Fastify route", path: () => "/bench/bare" },
  {
    name: "tRPC query (full stack, PK read)",
    path: (server) =>
      `/trpc/system.selfTestResult?input=${encodeURIComponent(JSON.stringify({ jobRunId: server.runId }))}`,
  },
  {
    name: "tRPC auth.me (session cookie)",
    path: () => "/trpc/auth.me",
    headers: (s) => ({ cookie: s.headers.cookie }),
  },
  {
    name: "tRPC auth.me (API key)",
    path: () => "/trpc/auth.me",
    headers: (s) => ({ authorization: `Bearer ${s.headers.key}` }),
  },
];

const servers: Record<Mode, ModeServer> = {
  distributed: await startServer("distributed"),
  embedded: await startServer("embedded"),
};

const totals = new Map<string, { requests: number; seconds: number; p99: number; errors: number }>();
for (let round = 0; round < rounds; round++) {
  for (const target of targets) {
    // Alternate which mode goes first, so neither always runs right after the other's load.
    for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
      const server = servers[mode];
      const options = () => ({
        url: `${server.url}${target.path(server)}`,
        connections,
        headers: { ...target.headers?.(server) },
      });
      await autocannon({ ...options(), duration: round === 0 ? 2 : 1 });
      const result = await autocannon({ ...options(), duration: durationSeconds });
      const key = `${target.name}|${mode}`;
      const total = totals.get(key) ?? { requests: 0, seconds: 0, p99: 0, errors: 0 };
      total.requests += result.requests.total;
      total.seconds += result.duration;
      total.p99 = Math.max(total.p99, result.latency.p99);
      total.errors += result.errors + result.non2xx;
      totals.set(key, total);
    }
  }
}

const rows = targets.map((target) => {
  const [distributed, embedded] = modes.map((mode) => totals.get(`${target.name}|${mode}`));
  const rate = (total: typeof distributed) => (total ? total.requests / total.seconds : 0);
  return {
    target: target.name,
    "distributed req/s": Math.round(rate(distributed)),
    "distributed p99 ms": distributed?.p99,
    "embedded req/s": Math.round(rate(embedded)),
    "embedded p99 ms": embedded?.p99,
    errors: (distributed?.errors ?? 0) + (embedded?.errors ?? 0),
    "embedded / distributed": (rate(embedded) / rate(distributed)).toFixed(2),
  };
});
console.log(
  `\nbench:modes (embedded engine: ${process.env.EMBEDDED_DATABASE ?? "auto"}) — ${connections} connections, ` +
    `${rounds} × ${durationSeconds}s per target and mode, Node ${process.version}`,
);
console.table(rows);

await servers.embedded.stop();
await servers.distributed.stop();
