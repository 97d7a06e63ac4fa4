import { createLogger } from "@vitae/logger";
import type { ReadinessReport } from "@vitae/telemetry";
import { afterEach, describe, expect, it } from "vitest";
import { type HealthServer, type HealthServerOptions, startHealthServer } from "./health-server";

const logger = createLogger({ level: "silent", format: "json", name: "health-test" });
const ready: ReadinessReport = {
  ready: true,
  components: [
    { name: "postgres", status: "up", latencyMs: 1 },
    { name: "redis", status: "up", latencyMs: 1 },
    { name: "storage", status: "up", latencyMs: 1 },
  ],
};
const token = "t".repeat(24);
let server: HealthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(overrides: Partial<HealthServerOptions> = {}): Promise<string> {
  server = await startHealthServer({
    host: "127.0.0.1",
    port: 0,
    checkReadiness: async () => ready,
    registry: { metrics: async () => "jobs_total 3\n" },
    metricsToken: undefined,
    logger,
    ...overrides,
  });
  return `http://127.0.0.1:${server.port}`;
}

describe("health server", () => {
  it("answers /healthz with 200", async () => {
    const base = await start();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 and each component when ready", async () => {
    const base = await start();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      components: { postgres: "up", redis: "up", storage: "up" },
    });
  });

  it("answers /readyz with 503 naming the down component", async () => {
    const base = await start({
      checkReadiness: async () => ({
        ready: false,
        components: ready.components.map((c) =>
          c.name === "redis" ? { ...c, status: "down" as const, latencyMs: null } : c,
        ),
      }),
    });
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: "unavailable",
      components: { redis: "down" },
    });
  });

  it("answers /readyz with 503 once draining", async () => {
    const base = await start();
    server?.markDraining();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "draining" });
  });

  it("answers 500 without detail when a probe throws", async () => {
    const base = await start({
      checkReadiness: async () => {
        throw new Error("secret detail");
      },
    });
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
  });

  it("serves /metrics openly without a token", async () => {
    const base = await start();
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("jobs_total 3\n");
  });

  it.each([
    ["no header", undefined],
    ["a wrong token", `Bearer ${"x".repeat(24)}`],
    ["a token of another length", "Bearer short"],
  ])("refuses /metrics with %s when a token is configured", async (_label, authorization) => {
    const base = await start({ metricsToken: token });
    const response = await fetch(`${base}/metrics`, {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.status).toBe(401);
  });

  it("serves /metrics with the right bearer token", async () => {
    const base = await start({ metricsToken: token });
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  });

  it("answers unknown paths with 404 and other methods with 405", async () => {
    const base = await start();
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
  });
});
