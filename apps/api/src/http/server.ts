import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import { runWithLogContext } from "@vitae/logger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { ApiDependencies } from "../dependencies";
import { type AppRouter, appRouter } from "../router/app-router";
import { createHttpContextFactory } from "../trpc/context";
import { registerAdmission } from "./admission";
import { registerAuthRoutes } from "./auth-routes";
import { createFrameworkErrorHandler, handleHttpError } from "./errors";
import { registerOperationalRoutes } from "./operational-routes";
import { requestIdFor } from "./request-id";
import { registerRequestSpans } from "./request-spans";
import { createSecurityHeaders, registerSecurity } from "./security";
import { registerStorageRoutes } from "./storage-routes";
import { createTrpcGuard } from "./trpc-guard";
import { registerWebApp } from "./web-app";

/** Paths whose query strings may carry user input (tRPC GET `?input=`) or signatures: never logged. */
function pathOnly(url: string): string {
  const queryStart = url.indexOf("?");
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/** Origins the browser PUTs presigned uploads to: the S3 endpoint (or AWS's bucket hosts); none on disk. */
function objectStoreOrigins(config: ApiDependencies["config"]): string[] {
  if (config.storageDriver !== "s3") return [];
  if (config.s3Endpoint) return [new URL(config.s3Endpoint).origin];
  return [
    `https://${config.s3Bucket}.s3.${config.s3Region}.amazonaws.com`,
    `https://s3.${config.s3Region}.amazonaws.com`,
  ];
}

/**
 * Builds the Fastify host: request ids, one log line per request, security headers, admission
 * control, health/readiness/metrics, disk-storage signed URLs, tRPC at `/trpc`, and the web app.
 * Does not listen; the caller owns the lifecycle.
 */
export async function buildServer(deps: ApiDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const securityHeaders = createSecurityHeaders({ connectSources: objectStoreOrigins(config) });
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger at runtime; the cast keeps the default instance type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // One line per request is written by the onResponse hook below, without query strings.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    // Batched tRPC paths ("a,b,c") arrive as one route parameter; the default cap of 100 is too small.
    routerOptions: { maxParamLength: 5000 },
    // Router errors (bad percent-encoding, over-long parameters) run no hooks: answer them in our contract.
    frameworkErrors: createFrameworkErrorHandler(securityHeaders),
    trustProxy: config.trustProxy,
    // Idle keep-alive sockets are closed on shutdown; in-flight requests are allowed to finish.
    forceCloseConnections: "idle",
    return503OnClosing: true,
  });

  // First of all hooks, so a refused request costs as little as possible under overload.
  await registerAdmission(app, {
    maxInFlight: config.maxInFlightRequests,
    maxEventLoopDelayMs: config.maxEventLoopDelayMs,
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    // Everything logged while handling this request (hooks, procedures, packages) carries its id.
    runWithLogContext({ requestId: request.id, path: pathOnly(request.url) }, done);
  });
  // Once shutdown begins, every response — including those of requests already in flight — tells its
  // keep-alive client to reconnect (to another replica). Node closes idle sockets when the server
  // closes, but a socket whose request finishes afterwards would stay open until its keep-alive
  // timeout (72 s in Fastify) and hold the close up that long.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (deps.shutdownSignal.aborted) reply.header("connection", "close");
    done(null, payload);
  });
  registerRequestSpans(app);
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    deps.metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      seconds,
    );
    request.log.info(
      {
        method: request.method,
        path: pathOnly(request.url),
        status: reply.statusCode,
        ms: reply.elapsedTime,
      },
      "request",
    );
  });
  app.setErrorHandler(handleHttpError);

  await registerSecurity(app, { corsOrigins: config.corsOrigins, securityHeaders });

  registerOperationalRoutes(app, deps);
  registerAuthRoutes(app, deps);
  if (deps.diskStore) registerStorageRoutes(app, deps.diskStore, deps.db);

  const trpcOptions: FastifyTRPCPluginOptions<AppRouter>["trpcOptions"] = {
    router: appRouter,
    createContext: createHttpContextFactory(deps),
    maxBatchSize: config.trpcMaxBatchSize,
    onError: ({ error, path, type }) => {
      // AppErrors arrive with their own codes (the base middleware converts them), so INTERNAL_SERVER_ERROR
      // is exactly the unexpected failures, worth an error-level line; a 401 or 404 is the API working.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        deps.logger.error({ err: error.cause ?? error, procedure: path, type }, "procedure failed");
      }
    },
  };
  // The origins better-auth trusts (its base URL and the CORS allow-list) are the ones /trpc trusts.
  const trpcGuard = createTrpcGuard({
    trustedOrigins: [new URL(config.publicUrl).origin, ...config.corsOrigins],
  });
  await app.register(async (scope) => {
    scope.addHook("onRequest", trpcGuard);
    await scope.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions });
  });

  await registerWebApp(app, { distDir: config.webDistDir });
  return app;
}
