import { once } from "node:events";
import { type AddressInfo, createConnection, createServer, type Server, type Socket } from "node:net";
import { Writable } from "node:stream";
import { createLogger, type Logger } from "@vitae/logger";
import type { Redis } from "ioredis";

/** A TCP port nothing listens on (bound once by the OS, then released). */
export async function getClosedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** A started TCP server; `close()` also drops its open sockets. */
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

/** Accepts connections and never answers: a Redis that hangs from the start. */
export function startSilentServer(): Promise<TestServer> {
  return listen(createServer(), new Set(), 0);
}

/** A proxy to Redis that can stop forwarding commands (Redis hangs) and resume them later. */
export interface FreezableProxy extends TestServer {
  /** Holds every command from now on; held commands reach Redis, in order, on `thaw()`. */
  freeze(): void;
  thaw(): void;
}

/** Forwards `port` (0 = any free port) to `target`. */
export async function startProxy(target: { host: string; port: number }, port = 0): Promise<FreezableProxy> {
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

/** A JSON logger whose lines are kept in memory. */
export function captureLogs(): { logger: Logger; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level: "info", format: "json", name: "ratelimit-test", destination });
  return {
    logger,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Every key matching `pattern`, scanning the whole keyspace (one SCAN page may miss keys on a busy Redis). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, page] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    keys.push(...page);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}
