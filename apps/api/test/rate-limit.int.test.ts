import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createKey, createWorkspace, signUp } from "./identity";
import { readJson } from "./json";

/**
 * Rate limits are global: two API replicas share one Redis, so 200 concurrent calls against a limit
 * of 50 admit exactly 50 whichever replica takes them, and a batch cannot buy extra calls.
 */
// The limiter timeout is raised so a slow, loaded test machine never triggers the default tier's
// fail-open policy (which admits a call when Redis answers late): exactness is what is tested here.
const limitedEnv = { RATE_LIMIT_DEFAULT_FREE: "50/1h", RATE_LIMIT_TIMEOUT_MS: "5000" };
let first: TestApi;
let second: TestApi;

beforeAll(async () => {
  first = await startTestApi({ runWorkers: false, env: limitedEnv });
  second = await startTestApi({ runWorkers: false, env: limitedEnv, shareWith: first });
});
afterAll(async () => {
  await second?.cleanup();
  await first?.cleanup();
});

describe("rate limits across replicas", () => {
  it("admits exactly 50 calls per window (1 setup + 49 of 200 concurrent); every 429 has the headers", async () => {
    const owner = await signUp(first, "Limited");
    await createWorkspace(first, owner, "Limited Co");
    const { key, remaining: left } = await createKey(first, owner, ["usage:read"]);
    // Creating the key was itself a call against this workspace's limit.
    expect(left).toBe(49);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        call(index % 2 === 0 ? first : second, "usage.current", { key }),
      ),
    );
    const admitted = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status === 429);
    expect(admitted).toHaveLength(49);
    expect(refused).toHaveLength(151);
    const nowSeconds = Date.now() / 1000;
    for (const result of refused) {
      expect(result.body.error.data.code).toBe("RATE_LIMITED");
      expect(result.headers.get("x-ratelimit-limit")).toBe("50");
      expect(result.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(result.headers.get("x-ratelimit-reset"))).toBeGreaterThan(nowSeconds);
      expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const remaining = admitted
      .map((result) => Number(result.headers.get("x-ratelimit-remaining")))
      .sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 49 }, (_, index) => index));
  });

  it("counts every call of a batch: 60 calls with 49 left admit 49", async () => {
    const owner = await signUp(second, "Batcher");
    await createWorkspace(second, owner, "Batch Co");
    const { key } = await createKey(second, owner, ["usage:read"]);
    const paths = Array.from({ length: 20 }, () => "usage.current").join(",");
    const outcomes: number[] = [];
    for (const api of [first, second, first]) {
      const response = await fetch(`${api.url}/trpc/${paths}?batch=1&input=%7B%7D`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const body = (await readJson(response)) as Array<{
        result?: unknown;
        error?: { data: { code: string } };
      }>;
      expect(body).toHaveLength(20);
      for (const item of body)
        outcomes.push(item.result ? 200 : item.error?.data.code === "RATE_LIMITED" ? 429 : 0);
      if (body.some((item) => item.error)) {
        expect(response.status).toBe(207);
        expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(outcomes.filter((status) => status === 200)).toHaveLength(49);
    expect(outcomes.filter((status) => status === 429)).toHaveLength(11);
  });
});

describe("credential attempts (auth tier: 10 per window per IP and per account)", () => {
  let api: TestApi;
  beforeAll(async () => {
    // Behind a trusted proxy the client IP comes from X-Forwarded-For, so the test can rotate it.
    // A one-hour window: with the default minute, a run straddling a window edge would see the counter
    // reset (fixed windows), which is correct behaviour but not what these assertions are about.
    api = await startTestApi({ runWorkers: false, env: { TRUST_PROXY: "true", RATE_LIMIT_AUTH: "10/1h" } });
  });
  afterAll(async () => {
    await api?.cleanup();
  });

  const attempt = (email: string, ip: string) =>
    fetch(`${api.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: api.url, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password: "wrong-password-guess" }),
    });

  it("limits one account however many IPs guess at it", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 12; index++)
      statuses.push((await attempt("target@example.com", `203.0.113.${index}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it("limits one IP however many accounts it tries, with Retry-After and our error shape", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 11; index++) {
      last = await attempt(`user${index}@example.com`, "198.51.100.7");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    expect(last?.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = await readJson(last as Response);
    expect(body).toEqual({
      code: "RATE_LIMITED",
      message: expect.any(String),
      requestId: last?.headers.get("x-request-id"),
    });
  });
});
