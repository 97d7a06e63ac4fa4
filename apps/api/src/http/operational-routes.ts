import { timingSafeEqual } from "node:crypto";
import { toReadinessBody } from "@vitae/telemetry";
import type { FastifyInstance } from "fastify";
import type { ApiDependencies } from "../dependencies";
import { sendError } from "./errors";

function tokenMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(header ?? "");
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * `/healthz` (the process is alive — no dependency checks, so an orchestrator never restarts a healthy
 * process because Redis blinked), `/readyz` (every dependency within its timeout; 503 while draining)
 * and `/metrics` (Prometheus; bearer-protected when METRICS_TOKEN is set, which production requires).
 */
export function registerOperationalRoutes(app: FastifyInstance, deps: ApiDependencies) {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    if (deps.shutdownSignal.aborted) {
      return reply.status(503).send({ status: "draining", components: {} });
    }
    const report = await deps.readiness.check();
    // The LLM is optional (basic mode answers without it), so its breaker is reported, never gating.
    const llm = { available: deps.llm.available, breaker: deps.llm.breakerState() };
    return reply.status(report.ready ? 200 : 503).send({ ...toReadinessBody(report), llm });
  });

  app.get("/metrics", async (request, reply) => {
    const token = deps.config.metricsToken;
    if (token && !tokenMatches(request.headers.authorization, token)) {
      return sendError(reply, "UNAUTHENTICATED");
    }
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });
}
