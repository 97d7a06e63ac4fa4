import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type BenchServer, benchModesFromEnv, startBenchServer } from "./bench-server";
import { type CpuPerCall, cpuPerCall, cpuRow, processLabels } from "./cpu-per-call";
import { cpuSpentBetween, snapshotCpu } from "./process-cpu";
import { loadAverage, printProfiles, type TargetProfile } from "./report";
import { signUpAndSignIn } from "./session";

/**
 * `pnpm bench:chat`: `chat.ask` over HTTP in basic mode with a real ingested profile, for each mode
 * (distributed: API + one worker on the local PostgreSQL; embedded: as `pnpm start` runs it), the API in
 * a process of its own and this process the load generator. At 1, 10 and 50 concurrent conversations
 * (follow-ups included), then 50 callers starting a new session per call (the row). Prints
 * asks/s, p50/p99, the goal (≥ 500 asks/s, p99 ≤ 50 ms at 50) and the mean per-stage pipeline timings.
 * Also splits each level's CPU time per ask between the API, PostgreSQL, Redis, the load generator and
 * the rest of the machine. `--cpu-prof` profiles the API process during the 50-caller levels.
 * Env: BENCH_ASKS (asks per level, default 300), BENCH_MODE (`distributed` or `embedded`; both by default).
 */
const asksPerLevel = Number(process.env.BENCH_ASKS ?? 300);
const profiling = process.argv.includes("--cpu-prof");
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
const goal = { asksPerSecond: 500, p99Ms: 50 };

/** Signs in, uploads the fixture résumé and waits until its profile is parsed. */
async function prepare(url: string) {
  const json = { "content-type": "application/json", origin: url };
  const cookie = await signUpAndSignIn(url, "chat-bench@example.com");
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { result?: { data: Record<string, unknown> }; error?: unknown };
    if (!answer.result)
      throw new Error(`${path} failed (${response.status}): ${JSON.stringify(answer.error)}`);
    return answer.result.data;
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
    ).json()) as { result: { data: { profileId: string | null } } };
    profileId = document.result.data.profileId;
    if (!profileId) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { post, profileId };
}

async function runLevel(
  chat: Awaited<ReturnType<typeof prepare>>,
  sessions: number,
  options: { newSessionPerCall: boolean },
) {
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
        const data = await chat.post("chat.ask", {
          profileId: chat.profileId,
          question,
          ...(sessionId ? { sessionId } : {}),
        });
        latencies.push(performance.now() - asked);
        if (!options.newSessionPerCall) sessionId = data.sessionId as string;
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
  const asksPerSecond = Math.round((latencies.length / elapsed) * 1000);
  const p99 = Number((latencies[Math.floor(latencies.length * 0.99)] ?? 0).toFixed(1));
  const met = asksPerSecond >= goal.asksPerSecond && p99 <= goal.p99Ms;
  return {
    level: `${sessions}${options.newSessionPerCall ? ", new session per call" : ""}`,
    "asks/s": asksPerSecond,
    "p50 ms": Number((latencies[Math.floor(latencies.length / 2)] ?? 0).toFixed(1)),
    "p99 ms": p99,
    goal:
      sessions === 50 ? `≥ ${goal.asksPerSecond}/s, p99 ≤ ${goal.p99Ms} ms ${met ? "met" : "MISSED"}` : "-",
    stages,
  };
}

async function benchMode(bench: BenchServer) {
  const chat = await prepare(bench.url);
  await runLevel(chat, 5, { newSessionPerCall: false });
  const results = [];
  const profiles: TargetProfile[] = [];
  const cpu: Array<{ level: string; perAsk: CpuPerCall }> = [];
  const levels = [
    { sessions: 1, newSessionPerCall: false },
    { sessions: 10, newSessionPerCall: false },
    { sessions: 50, newSessionPerCall: false },
    { sessions: 50, newSessionPerCall: true },
  ];
  for (const { sessions, newSessionPerCall } of levels) {
    const profiled = profiling && sessions === 50;
    if (profiled) await bench.ask({ type: "profile-start" });
    const cpuBefore = snapshotCpu();
    const row = await runLevel(chat, sessions, { newSessionPerCall });
    cpu.push({
      level: row.level,
      perAsk: cpuPerCall(cpuSpentBetween(cpuBefore, snapshotCpu(), processLabels(bench)), asksPerLevel),
    });
    if (profiled) {
      const { frames, owners } = await bench.ask<Pick<TargetProfile, "frames" | "owners">>({
        type: "profile-stop",
        target: `chat.ask, ${row.level}`,
      });
      profiles.push({ target: `chat.ask, ${row.level}`, frames, owners });
    }
    results.push(row);
  }
  console.log(
    `\nbench:chat (${bench.mode}) — chat.ask in basic mode, ${asksPerLevel} asks per level, Node ${process.version}, ` +
      `load generator in its own process, ${loadAverage()}`,
  );
  console.table(results.map(({ stages: _stages, ...row }) => row));
  console.log("mean per-stage pipeline time (ms) per ask:");
  console.table(Object.fromEntries(results.map((row) => [row.level, row.stages])));
  console.log("CPU time per ask (µs) by process (serving: server + worker + PostgreSQL + Redis):");
  console.table(cpu.map(({ level, perAsk }) => cpuRow(level, perAsk)));
  printProfiles(profiles);
}

for (const mode of benchModesFromEnv()) {
  const bench = await startBenchServer({ mode, env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  try {
    await benchMode(bench);
  } finally {
    await bench.close();
  }
}
