import { describe, expect, it } from "vitest";
import { createMetrics } from "./create-metrics";
import { checkReadiness, toReadinessBody } from "./readiness";

describe("checkReadiness", () => {
  it("is ready when every check resolves, with a latency per component", async () => {
    const report = await checkReadiness(
      { postgres: async () => undefined, redis: async () => "PONG", storage: async () => undefined },
      { timeoutMs: 1000 },
    );
    expect(report.ready).toBe(true);
    expect(report.components.map((c) => [c.name, c.status])).toEqual([
      ["postgres", "up"],
      ["redis", "up"],
      ["storage", "up"],
    ]);
    for (const component of report.components) expect(component.latencyMs).toBeGreaterThanOrEqual(0);
    expect(toReadinessBody(report)).toEqual({
      status: "ready",
      components: { postgres: "up", redis: "up", storage: "up" },
    });
  });

  it("reports a rejecting check as down, without its error text", async () => {
    const report = await checkReadiness(
      {
        postgres: async () => {
          throw new Error("password authentication failed for user admin");
        },
        redis: async () => undefined,
      },
      { timeoutMs: 1000 },
    );
    expect(report.ready).toBe(false);
    expect(report.components[0]).toEqual({ name: "postgres", status: "down", latencyMs: null });
    expect(JSON.stringify(report)).not.toContain("password");
    expect(toReadinessBody(report).status).toBe("unavailable");
  });

  it("reports a check that ignores its deadline as down once the deadline passes", async () => {
    const report = await checkReadiness(
      { postgres: async () => undefined, redis: () => new Promise(() => undefined) },
      { timeoutMs: 50 },
    );
    expect(report.components[1]?.status).toBe("down");
    expect(report.ready).toBe(false);
  });

  it("sets dependency_up per component when given metrics", async () => {
    const metrics = createMetrics({ service: "test", collectDefaultMetrics: false });
    await checkReadiness(
      { postgres: async () => undefined, redis: () => Promise.reject(new Error("down")) },
      { timeoutMs: 100, metrics },
    );
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/dependency_up\{[^}]*component="postgres"[^}]*\} 1/);
    expect(text).toMatch(/dependency_up\{[^}]*component="redis"[^}]*\} 0/);
  });
});
