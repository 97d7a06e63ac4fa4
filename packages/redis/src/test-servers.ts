import { once } from "node:events";
import { type AddressInfo, createConnection, createServer, type Server, type Socket } from "node:net";

/** A TCP port nothing listens on (bound once by the OS, then released). Test support only (`@vitae/redis/testing`). */
export async function getClosedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** A started TCP server plus a close() that also drops its open sockets. Test support only. */
export interface TestServer {
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>, port: number): Promise<TestServer> {
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

/** Accepts connections and never answers: models a hung Redis. */
export function startSilentServer(): Promise<TestServer> {
  return listen(createServer(), new Set(), 0);
}

/** A TCP proxy to Redis that can stop forwarding commands (Redis "hangs") and resume them later. */
export interface FreezableProxy extends TestServer {
  /** Holds every command from now on; held commands reach Redis, in order, on `thaw()`. */
  freeze(): void;
  thaw(): void;
}

/**
 * Forwards `port` (0 = any free port) to `target`: lets a test make Redis appear at an address later, or
 * (with `freeze`) hang mid-connection without closing it.
 */
export async function startTcpProxy(
  port: number,
  target: { host: string; port: number },
): Promise<FreezableProxy> {
  const sockets = new Set<Socket>();
  const clients = new Map<Socket, Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = createConnection(target);
    sockets.add(upstream);
    clients.set(client, upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => clients.delete(client));
    upstream.pipe(client);
    if (!frozen) client.pipe(upstream);
  });
  const started = await listen(server, sockets, port);
  return {
    ...started,
    freeze() {
      frozen = true;
      for (const [client, upstream] of clients) {
        client.unpipe(upstream);
        client.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [client, upstream] of clients) client.pipe(upstream);
    },
  };
}
