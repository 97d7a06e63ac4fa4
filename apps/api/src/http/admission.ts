import underPressure from "@fastify/under-pressure";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sendError } from "./errors";

/** Routes an orchestrator and monitoring read: never shed, or a busy process would look dead. */
const operationalPaths = new Set(["/healthz", "/readyz", "/metrics"]);

function isOperational(request: FastifyRequest): boolean {
  const url = request.url;
  const queryStart = url.indexOf("?");
  return operationalPaths.has(queryStart === -1 ? url : url.slice(0, queryStart));
}

/**
 * Admission control: past `maxInFlight` requests being handled at once, or while the event loop lags
 * more than `maxEventLoopDelayMs` (@fastify/under-pressure), a request is refused at once with 503 and
 * `Retry-After: 1` instead of queueing behind the others — so the admitted ones keep a bounded latency
 * and clients retry (on another replica) instead of timing out. Health, readiness and metrics are never
 * refused. Registered before every other route.
 */
export async function registerAdmission(
  app: FastifyInstance,
  options: { maxInFlight: number; maxEventLoopDelayMs: number },
): Promise<void> {
  const refuse = (reply: Parameters<typeof sendError>[0]) => {
    reply.header("retry-after", "1");
    sendError(reply, "SERVICE_UNAVAILABLE");
  };
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    pressureHandler: (request, reply) => {
      if (isOperational(request)) return;
      refuse(reply);
    },
  });

  let inFlight = 0;
  app.addHook("onRequest", (request, reply, done) => {
    if (isOperational(request)) return done();
    if (inFlight >= options.maxInFlight) {
      refuse(reply);
      return;
    }
    inFlight += 1;
    // `close` fires once per response, whether it finished or the client went away.
    reply.raw.once("close", () => {
      inFlight -= 1;
    });
    done();
  });
}
