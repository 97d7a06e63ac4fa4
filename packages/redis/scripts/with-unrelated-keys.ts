/**
 * Runs a command (the test suites) against a Redis that also holds 50,000 keys of "another application",
 * then fails unless every one of those keys is still there, unchanged; removes them either way.
 *
 *   node --import tsx packages/redis/scripts/with-unrelated-keys.ts turbo run test
 *
 * `UNRELATED_REDIS_KEYS` sets the count (0 runs the command on its own). Uses `TEST_REDIS_URL`.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRedis } from "../src/create-redis";
import { checkUnrelatedKeys, getTestRedisUrl, removeUnrelatedKeys, seedUnrelatedKeys } from "../src/testing";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: with-unrelated-keys <command> [args…]\n");
  process.exit(2);
}
const count = Number(process.env.UNRELATED_REDIS_KEYS ?? 50_000);

function run(): Promise<number> {
  const child = spawn(command as string, args, { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on("error", (error) => {
      process.stderr.write(`with-unrelated-keys: could not start ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (count <= 0) process.exit(await run());

const redis = createRedis(getTestRedisUrl(), { role: "client", name: "unrelated-keys" });
await once(redis, "ready");
const seeded = await seedUnrelatedKeys(redis, count);
const before = await redis.dbsize();
process.stdout.write(
  `unrelated Redis keys: seeded ${count} under ${seeded.prefix}: (Redis holds ${before} keys)\n`,
);

let status = 1;
try {
  status = await run();
  const report = await checkUnrelatedKeys(redis, seeded);
  if (report.missing.length > 0 || report.changed.length > 0) {
    process.stderr.write(
      `unrelated Redis keys: ${report.missing.length} missing, ${report.changed.length} changed — a test or the product ` +
        `reached outside its own prefix (first: ${[...report.missing, ...report.changed].slice(0, 5).join(", ")})\n`,
    );
    status = status || 1;
  } else {
    process.stdout.write(`unrelated Redis keys: all ${report.present} untouched\n`);
  }
} finally {
  await removeUnrelatedKeys(redis, seeded);
  await redis.quit();
}
process.exit(status);
