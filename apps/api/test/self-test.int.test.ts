import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { readJson } from "./json";
import { readTrpcSse } from "./sse";

interface Run {
  id: string;
  status: string;
  progress: number;
  progressMessage: string | null;
  errorCode: string | null;
  result: { timingsMs?: Record<string, number> } | null;
}

async function runSelfTest(api: TestApi): Promise<Run[]> {
  const started = await fetch(`${api.url}/trpc/system.selfTest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
  });
  expect(started.status).toBe(200);
  const { jobRunId, dispatched } = (await readJson(started)).result.data;
  expect(dispatched).toBe(true);
  const input = encodeURIComponent(JSON.stringify({ jobRunId }));
  const seen: Run[] = [];
  const url = `${api.url}/trpc/system.selfTestProgress?input=${input}`;
  for await (const event of readTrpcSse(url, AbortSignal.timeout(30_000))) {
    if (event.kind === "error") throw new Error(`stream failed: ${event.error.data.code}`);
    const run = event.value as Run;
    seen.push(run);
    if (run.status === "succeeded" || run.status === "failed") break;
  }
  return seen;
}

const setups = [
  { name: "distributed", mode: "distributed", engine: undefined },
  { name: "embedded, PostgreSQL server", mode: "embedded", engine: "PostgreSQL server" },
  { name: "embedded, PGlite", mode: "embedded", engine: "PGlite (in-process, single connection)" },
] as const;

describe.each(setups)("self-test round trip ($name)", ({ mode, engine }) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      mode,
      env: engine?.startsWith("PGlite") ? { EMBEDDED_DATABASE: "pglite" } : {},
    });
  });

  it("runs on the database engine its mode selects, and says which", () => {
    const engines = api.logLines().filter((line) => String(line.msg).startsWith("embedded database:"));
    expect(engines.map((line) => line.msg)).toEqual(engine ? [`embedded database: ${engine}`] : []);
  });
  afterAll(async () => {
    await api?.cleanup();
  });

  it("streams progress over SSE until the job succeeds, with per-step timings", async () => {
    const seen = await runSelfTest(api);
    const last = seen.at(-1);
    expect(last?.status).toBe("succeeded");
    expect(last?.progress).toBe(100);
    expect(Object.keys(last?.result?.timingsMs ?? {}).sort()).toEqual(["delete", "read", "record", "write"]);
    const progresses = seen.map((run) => run.progress);
    expect(progresses).toEqual([...progresses].sort((a, b) => a - b));

    const input = encodeURIComponent(JSON.stringify({ jobRunId: last?.id }));
    const result = await readJson(await fetch(`${api.url}/trpc/system.selfTestResult?input=${input}`));
    expect(result.result.data.status).toBe("succeeded");
  });

  it("refuses to stream a run that does not exist", async () => {
    const input = encodeURIComponent(JSON.stringify({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000001" }));
    const events = readTrpcSse(
      `${api.url}/trpc/system.selfTestProgress?input=${input}`,
      AbortSignal.timeout(10_000),
    );
    const first = (await events.next()).value;
    expect(first).toMatchObject({ kind: "error", error: { data: { code: "NOT_FOUND" } } });
  });
});
