import { EventEmitter } from "node:events";
import type { FastifyReply, FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import type { ApiDependencies } from "../dependencies";
import { createHttpContextFactory } from "./context";

function httpContext() {
  const shutdown = new AbortController();
  const deps = {
    shutdownSignal: shutdown.signal,
    logger: { child: () => ({}) },
  } as unknown as ApiDependencies;
  const raw = Object.assign(new EventEmitter(), { writableFinished: false });
  const req = { id: "req-1", ip: "203.0.113.9", headers: { cookie: "a=b" } } as unknown as FastifyRequest;
  const res = { raw, sent: false, header: () => undefined } as unknown as FastifyReply;
  const ctx = createHttpContextFactory(deps)({ req, res });
  return { ctx, raw, shutdown };
}

describe("the HTTP context's signal", () => {
  it("aborts when the response closes before it finished (the client left)", () => {
    const { ctx, raw } = httpContext();
    raw.emit("close");
    expect(ctx.signal.aborted).toBe(true);
  });

  it("stays quiet when a finished response closes, and aborts on shutdown", () => {
    const { ctx, raw, shutdown } = httpContext();
    raw.writableFinished = true;
    raw.emit("close");
    expect(ctx.signal.aborted).toBe(false);
    shutdown.abort();
    expect(ctx.signal.aborted).toBe(true);
  });
});
