import { findPostgresBinaries } from "./binaries";
import { startPostgresServer } from "./server";
import { resolveServerUser } from "./server-user";

/**
 * Test fixture run as its own process: starts a server on argv[2], prints `{ pid, port }` and then
 * either waits (to be killed with SIGKILL: an orphaned server) or crashes (argv[3] === "crash").
 */
const [directory, mode] = process.argv.slice(2);
if (directory === undefined) throw new Error("usage: server-child.fixture.ts <directory> [crash|wait]");
const lookup = await findPostgresBinaries();
if (!lookup.available) throw new Error(lookup.reason);
const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined };
const server = await startPostgresServer({
  directory,
  binaries: lookup.binaries,
  password: "fixture-password-0123456789abcdef",
  user: await resolveServerUser(),
  log: silent,
});
process.stdout.write(`${JSON.stringify({ pid: server.pid, port: server.port })}\n`);
if (mode === "crash") throw new Error("fixture crash");
setInterval(() => undefined, 60_000);
