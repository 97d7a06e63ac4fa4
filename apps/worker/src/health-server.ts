import { timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "@vitae/logger";
import { type Metrics, metricsContentType, type ReadinessReport, toReadinessBody } from "@vitae/telemetry";

/** Options for {@link startHealthServer}. */
export interface HealthServerOptions {
  host: string;
  /** `WORKER_HEALTH_PORT`; 0 picks a free port (tests). */
  port: number;
  /** Runs the dependency checks; must never reject. */
  checkReadiness: () => Promise<ReadinessReport>;
  /** The worker's metrics registry, served at `/metrics`. */
  registry: Pick<Metrics["registry"], "metrics">;
  /** `METRICS_TOKEN`: when set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  logger: Logger;
}

/** A listening health server. */
export interface HealthServer {
  /** The bound port (useful when 0 was requested). */
  port: number;
  /** From now on `/readyz` answers 503 `draining`, so load balancers and probes see the shutdown. */
  markDraining(): void;
  /** Stops listening and closes idle keep-alive connections. */
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(JSON.stringify(body));
}

function hasBearerToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header);
  // Constant-time comparison: the token must not leak one byte at a time through response timing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The worker's operational endpoints on a plain `node:http` server (the worker has no other HTTP
 * surface, so no framework): `GET /healthz` → 200 while the process runs; `GET /readyz` → 200/503 with
 * each component's `up`/`down` (never error text); `GET /metrics` → Prometheus text. Anything else is a
 * 404, and methods other than GET/HEAD a 405. Called by `createWorkerApp`.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  let isDraining = false;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    switch (path) {
      case "/healthz":
        sendJson(response, 200, { status: "ok" });
        return;
      case "/readyz": {
        if (isDraining) {
          sendJson(response, 503, { status: "draining" });
          return;
        }
        const report = await options.checkReadiness();
        sendJson(response, report.ready ? 200 : 503, toReadinessBody(report));
        return;
      }
      case "/metrics": {
        if (options.metricsToken !== undefined && !hasBearerToken(request, options.metricsToken)) {
          response.writeHead(401, { "www-authenticate": "Bearer" }).end();
          return;
        }
        const body = await options.registry.metrics();
        response.writeHead(200, { "content-type": metricsContentType }).end(body);
        return;
      }
      default:
        sendJson(response, 404, { status: "not found" });
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error({ err: error, path: request.url?.split("?")[0] }, "health endpoint failed");
      if (!response.headersSent) sendJson(response, 500, { status: "error" });
      else response.destroy();
    });
  });
  server.listen(options.port, options.host);
  await once(server, "listening");

  return {
    port: (server.address() as AddressInfo).port,
    markDraining() {
      isDraining = true;
    },
    async close() {
      const closed = once(server, "close");
      server.close();
      server.closeIdleConnections();
      await closed;
    },
  };
}
