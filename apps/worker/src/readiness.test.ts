import { describe, expect, it } from "vitest";
import { checkReadiness } from "./readiness";

describe("checkReadiness", () => {
  it("is ready when every check resolves", async () => {
    const report = await checkReadiness(
      { postgres: async () => undefined, redis: async () => "PONG", storage: async () => undefined },
      1000,
    );
    expect(report).toEqual({
      isReady: true,
      components: { postgres: { status: "up" }, redis: { status: "up" }, storage: { status: "up" } },
    });
  });

  it("reports a rejecting check as down, without its error text", async () => {
    const report = await checkReadiness(
      {
        postgres: async () => {
          throw new Error("password authentication failed for user admin");
        },
        redis: async () => undefined,
        storage: async () => undefined,
      },
      1000,
    );
    expect(report.isReady).toBe(false);
    expect(report.components.postgres).toEqual({ status: "down" });
    expect(JSON.stringify(report)).not.toContain("password");
  });

  it("reports a check that ignores its deadline as down once the deadline passes", async () => {
    const report = await checkReadiness(
      {
        postgres: async () => undefined,
        redis: () => new Promise(() => undefined),
        storage: async () => undefined,
      },
      50,
    );
    expect(report.components.redis).toEqual({ status: "down" });
    expect(report.isReady).toBe(false);
  });
});
