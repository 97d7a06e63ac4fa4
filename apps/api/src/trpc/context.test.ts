import { EventEmitter } from "node:events";
import type { FastifyReply, FastifyRequest } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiDependencies } from "../dependencies";
import { createHttpContextFactory } from "./context";

function httpContext() {
  const shutdown = new AbortController();
  const deps = {
    shutdownSignal: shutdown.signal,
    logger: { child: vi.fn() },
  } as unknown as ApiDependencies;
  const raw = Object.assign(new EventEmitter(), { writableFinished: false });
  const req = { id: "req-1", ip: "203.0.113.9", headers: { cookie: "a=b" } } as unknown as FastifyRequest;
  const res = { raw, sent: false, header: () => undefined } as unknown as FastifyReply;
  const ctx = createHttpContextFactory(deps)({ req, res });
  return { ctx, raw, shutdown, deps };
}

describe("the HTTP context's signal", () => {
  it("aborts when the response closes before it finished (the client left)", () => {
    const { ctx, raw } = httpContext();
    raw.emit("close");
    expect(ctx.getSignal().aborted).toBe(true);
  });

  it("stays quiet when a finished response closes, and aborts on shutdown", () => {
    const { ctx, raw, shutdown } = httpContext();
    raw.writableFinished = true;
    raw.emit("close");
    expect(ctx.getSignal().aborted).toBe(false);
    shutdown.abort();
    expect(ctx.getSignal().aborted).toBe(true);
  });
});

describe("the per-request context's cost", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("combines no signals until a procedure asks for one, then keeps the one it built", () => {
    const combine = vi.spyOn(AbortSignal, "any");
    const { ctx, shutdown } = httpContext();
    expect(combine).not.toHaveBeenCalled();
    const signal = ctx.getSignal();
    expect(ctx.getSignal()).toBe(signal);
    expect(combine).toHaveBeenCalledTimes(1);
    shutdown.abort();
    expect(signal.aborted).toBe(true);
  });

  it("builds no logger per request (the log context carries the request id)", () => {
    const { deps } = httpContext();
    expect(deps.logger.child).not.toHaveBeenCalled();
  });
});
