import { initTRPC } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";

/**
 * The peers every run is measured against, outside the product's server: a bare Fastify hello and a
 * stock tRPC 11 hello (one middleware-free router on the Fastify adapter, no hooks, no logging), both
 * built from the project's own dependencies. They share the bench server's thread, and run one target
 * at a time like everything else, so their figures are comparable within a run.
 */
export async function startPeerServers(): Promise<{
  bareUrl: string;
  trpcUrl: string;
  close(): Promise<void>;
}> {
  const t = initTRPC.create();
  const peerRouter = t.router({ hello: t.procedure.query(() => ({ ok: true })) });

  const bare = Fastify();
  bare.get("/hello", async () => ({ ok: true }));
  const stock = Fastify({ routerOptions: { maxParamLength: 5000 } });
  await stock.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: { router: peerRouter } });

  const listen = async (server: FastifyInstance) => server.listen({ host: "127.0.0.1", port: 0 });
  const [bareUrl, trpcUrl] = await Promise.all([listen(bare), listen(stock)]);
  return {
    bareUrl,
    trpcUrl,
    close: async () => {
      await Promise.all([bare.close(), stock.close()]);
    },
  };
}
