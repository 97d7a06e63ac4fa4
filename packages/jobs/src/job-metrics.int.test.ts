import { insertJobRun, jobRuns } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createMetrics } from "@vitae/telemetry";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRunBacklogCollector } from "./job-metrics";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
});

async function runIn(queue: string, status: "queued" | "running" | "succeeded", ageSeconds: number) {
  const row = await insertJobRun(testDb.handle.db, { name: "system.run-self-test", queue, payload: {} });
  const at = sql`now() - make_interval(secs => ${ageSeconds})`;
  await testDb.handle.db
    .update(jobRuns)
    .set({ status, enqueuedAt: at, startedAt: status === "queued" ? null : at })
    .where(eq(jobRuns.id, row.id));
}

describe("job-run backlog metrics (Postgres)", () => {
  it("reports unfinished runs per queue and state with the oldest age, ignoring finished runs", async () => {
    await runIn("documents", "queued", 30);
    await runIn("documents", "queued", 5);
    await runIn("documents", "running", 3600);
    await runIn("matching", "running", 10);
    await runIn("documents", "succeeded", 86_400);

    const samples = await jobRunBacklogCollector(testDb.handle.db)();
    const byKey = new Map(samples.map((sample) => [`${sample.queue}/${sample.status}`, sample]));
    expect([...byKey.keys()].sort()).toEqual(["documents/queued", "documents/running", "matching/running"]);
    expect(byKey.get("documents/queued")?.count).toBe(2);
    expect(byKey.get("documents/queued")?.oldestSeconds).toBeGreaterThanOrEqual(30);
    expect(byKey.get("documents/queued")?.oldestSeconds).toBeLessThan(60);
    expect(byKey.get("documents/running")?.oldestSeconds).toBeGreaterThanOrEqual(3600);

    const metrics = createMetrics({ service: "worker", collectDefaultMetrics: false });
    metrics.setJobRunBacklogCollector(jobRunBacklogCollector(testDb.handle.db));
    const exposition = await metrics.registry.metrics();
    expect(exposition).toMatch(
      /job_runs_unfinished\{queue="documents",status="running",service="worker"\} 1/,
    );
    expect(exposition).toMatch(
      /job_runs_oldest_seconds\{queue="documents",status="running",service="worker"\} 36\d\d/,
    );
  });
});
