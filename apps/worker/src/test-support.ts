import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";

/** A TCP port that was free a moment ago (bound by the OS, then released). Test support only. */
export async function getFreePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** Polls `read` until `isDone` accepts its value; the test timeout bounds the wait. */
export async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
