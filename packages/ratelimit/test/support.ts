import { Writable } from "node:stream";
import { createLogger, type Logger } from "@vitae/logger";

export {
  type FreezableProxy,
  getClosedPort,
  scanKeys,
  startSilentServer,
  startTcpProxy,
  type TestServer,
} from "@vitae/redis/testing";

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
