import { getWorkspaceUsage, usagePeriodOf } from "@vitae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createKey, createWorkspace, signUp } from "./identity";

/**
 * The monthly request quota is counted in Redis, in the rate-limit decision's round trip, and written
 * behind to Postgres: two replicas sharing Redis admit exactly the quota, `usage.current` reads the live
 * figure before anything is written behind, and a stopping API writes what it counted.
 */
const quotaEnv = { QUOTA_FREE_REQUESTS: "30", RATE_LIMIT_TIMEOUT_MS: "5000" };
let first: TestApi;
let second: TestApi;

beforeAll(async () => {
  // No workers: nothing flushes on a schedule, so Postgres only learns the figure when an API stops.
  first = await startTestApi({ runWorkers: false, env: quotaEnv });
  second = await startTestApi({ runWorkers: false, env: quotaEnv, shareWith: first });
});
afterAll(async () => {
  await second?.cleanup();
  await first?.cleanup();
});

describe("request quota across replicas", () => {
  it("admits exactly the quota of 120 concurrent calls, reads it live, and writes it behind on stop", async () => {
    const owner = await signUp(first, "Quota");
    const workspaceId = await createWorkspace(first, owner, "Quota Co");
    const { key } = await createKey(first, owner, ["usage:read"]);
    const before = (await call(first, "usage.current", { key })).body.result.data.requests.used as number;
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        call(index % 2 === 0 ? first : second, "usage.current", { key }),
      ),
    );
    const admitted = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status !== 200);
    // `before` already counts the call that read it.
    expect(admitted).toHaveLength(30 - before);
    for (const result of refused) {
      expect(result.status).toBe(429);
      expect(result.body.error.data.code).toBe("QUOTA_EXCEEDED");
    }
    // The figure a caller sees is the live one: the last admitted call saw the quota reached.
    const used = admitted.map((result) => result.body.result.data.requests.used as number);
    expect(Math.max(...used)).toBe(30);

    const period = usagePeriodOf(new Date());
    const db = first.deps.db;
    expect((await getWorkspaceUsage(db, { workspaceId, period })).requests).toBe(0);
    await second.stop();
    expect((await getWorkspaceUsage(db, { workspaceId, period })).requests).toBe(30);
  });
});
