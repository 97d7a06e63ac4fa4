import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { registerAdmission } from "./admission";

const apps: Array<ReturnType<typeof Fastify>> = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A server whose `/slow` requests stay in flight until released. */
async function serverWithGate(maxInFlight: number) {
  const app = Fastify();
  apps.push(app);
  const waiting: Array<() => void> = [];
  await registerAdmission(app, { maxInFlight, maxEventLoopDelayMs: 60_000 });
  app.get("/slow", () => new Promise((resolve) => waiting.push(() => resolve({ ok: true }))));
  app.get("/healthz", async () => ({ status: "ok" }));
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    waiting,
    releaseAll: () => {
      for (const release of waiting.splice(0)) release();
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("admission control", () => {
  it("refuses requests past the in-flight limit at once with 503 and Retry-After, never /healthz", async () => {
    const gate = await serverWithGate(2);
    const held = [fetch(`${gate.url}/slow`), fetch(`${gate.url}/slow`)];
    await until(() => gate.waiting.length === 2);

    const refused = await fetch(`${gate.url}/slow`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(((await refused.json()) as { code: string }).code).toBe("SERVICE_UNAVAILABLE");
    expect((await fetch(`${gate.url}/healthz`)).status).toBe(200);

    gate.releaseAll();
    expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200]);
    // Finished requests free their places.
    const again = fetch(`${gate.url}/slow`);
    await until(() => gate.waiting.length === 1);
    gate.releaseAll();
    expect((await again).status).toBe(200);
  });

  it("frees the place of a request whose client went away", async () => {
    const gate = await serverWithGate(1);
    const aborted = new AbortController();
    const gone = fetch(`${gate.url}/slow`, { signal: aborted.signal }).catch(() => "aborted");
    await until(() => gate.waiting.length === 1);
    aborted.abort();
    expect(await gone).toBe("aborted");
    const next = fetch(`${gate.url}/slow`);
    await until(() => gate.waiting.length === 2);
    gate.releaseAll();
    expect((await next).status).toBe(200);
  });
});
