import { initTRPC } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";

/**
 * One peer every run is measured against, as a process of its own (forked by `startPeers`): `bare` is a
 * bare Fastify hello, `trpc` a stock tRPC 11 hello (one middleware-free router on the Fastify adapter,
 * no hooks, no logging), both built from the project's own dependencies. Reports its URL to the parent.
 */
const kind = process.argv[2];
let server: FastifyInstance;
if (kind === "trpc") {
  const t = initTRPC.create();
  const peerRouter = t.router({ hello: t.procedure.query(() => ({ ok: true })) });
  server = Fastify({ routerOptions: { maxParamLength: 5000 } });
  await server.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: { router: peerRouter } });
} else {
  server = Fastify();
  server.get("/hello", async () => ({ ok: true }));
}
const url = await server.listen({ host: "127.0.0.1", port: 0 });
process.send?.({ type: "listening", url });
process.once("message", async () => {
  await server.close();
  process.disconnect();
});
