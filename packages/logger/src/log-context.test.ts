import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger";
import { getLogContext, runWithLogContext, updateLogContext } from "./log-context";
import { captureOutput } from "./test-output";

function jsonLogger() {
  const output = captureOutput();
  const logger = createLogger({ level: "info", format: "json", name: "ctx", destination: output.stream });
  return { logger, output };
}

const contextKeys = ["requestId", "jobId", "workspaceId", "userId", "path"];

function contextOf(line: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(line ?? {}).filter(([key]) => contextKeys.includes(key)));
}

describe("log context", () => {
  it("adds the context to lines logged in nested async work, and not outside", async () => {
    const { logger, output } = jsonLogger();
    logger.info("before");
    await runWithLogContext({ requestId: "req-1", path: "/trpc/cv.list" }, async () => {
      logger.info("sync");
      await sleep(1);
      await Promise.all([
        (async () => {
          await Promise.resolve();
          logger.info("microtask");
        })(),
        new Promise<void>((resolve) =>
          setTimeout(() => {
            logger.child({ component: "child" }).info("timer via child");
            resolve();
          }, 1),
        ),
      ]);
    });
    logger.info("after");

    const lines = output.lines();
    const byMessage = new Map(lines.map((line) => [line.msg, line]));
    for (const msg of ["sync", "microtask", "timer via child"]) {
      expect(contextOf(byMessage.get(msg))).toEqual({ requestId: "req-1", path: "/trpc/cv.list" });
    }
    expect(contextOf(byMessage.get("before"))).toEqual({});
    expect(contextOf(byMessage.get("after"))).toEqual({});
  });

  it("keeps concurrent contexts apart", async () => {
    const { logger, output } = jsonLogger();
    await Promise.all(
      ["a", "b", "c"].map((id, index) =>
        runWithLogContext({ requestId: id }, async () => {
          await sleep(3 - index);
          logger.info(`line ${id}`);
        }),
      ),
    );
    for (const line of output.lines()) {
      expect(line.msg).toBe(`line ${line.requestId}`);
    }
    expect(output.lines()).toHaveLength(3);
  });

  it("sees updates made later in the same context, e.g. after authentication", async () => {
    const { logger, output } = jsonLogger();
    await runWithLogContext({ requestId: "req-2" }, async () => {
      logger.info("anonymous");
      await Promise.resolve();
      expect(updateLogContext({ userId: "u-1", workspaceId: "w-1" })).toBe(true);
      await sleep(1);
      logger.info("authenticated");
    });
    const [anonymous, authenticated] = output.lines();
    expect(contextOf(anonymous)).toEqual({ requestId: "req-2" });
    expect(contextOf(authenticated)).toEqual({ requestId: "req-2", userId: "u-1", workspaceId: "w-1" });
  });

  it("inherits outer fields in nested contexts without leaking inner ones outward", () => {
    const { logger, output } = jsonLogger();
    runWithLogContext({ requestId: "outer", userId: "u" }, () => {
      runWithLogContext({ jobId: "job-9", userId: undefined }, () => logger.info("inner"));
      logger.info("outer again");
    });
    const [inner, outer] = output.lines();
    expect(contextOf(inner)).toEqual({ requestId: "outer", userId: "u", jobId: "job-9" });
    expect(contextOf(outer)).toEqual({ requestId: "outer", userId: "u" });
  });

  it("lets fields passed in a call override the context", () => {
    const { logger, output } = jsonLogger();
    runWithLogContext({ workspaceId: "from-context" }, () =>
      logger.info({ workspaceId: "explicit" }, "override"),
    );
    expect(output.lines()[0]?.workspaceId).toBe("explicit");
  });

  it("returns results, exposes a copy of the context, and ignores updates outside any context", () => {
    expect(getLogContext()).toBeUndefined();
    expect(updateLogContext({ userId: "nobody" })).toBe(false);
    expect(getLogContext()).toBeUndefined();
    const result = runWithLogContext({ requestId: "r" }, () => {
      const copy = getLogContext();
      if (copy) copy.requestId = "tampered";
      return getLogContext();
    });
    expect(result).toEqual({ requestId: "r" });
  });
});
