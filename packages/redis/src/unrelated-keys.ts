import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A crowd of keys that belong to "another application" on the Redis the tests share. Test runs seed it
 * before the suites start and check it afterwards, which proves two things every run: code that lists
 * its own keys iterates SCAN to the end (a single SCAN call misses keys once the keyspace is large), and
 * nothing we delete by prefix reaches outside its own prefix.
 */
export interface UnrelatedKeys {
  /** Every key lives under `${prefix}:`. */
  readonly prefix: string;
  readonly count: number;
}

/** What `checkUnrelatedKeys` found: keys that vanished and keys whose value changed. */
export interface UnrelatedKeysReport {
  readonly present: number;
  readonly missing: string[];
  readonly changed: string[];
}

// Shapes our own keys take, so a too-broad pattern (`*:llm:cache:*`) sees these and a test notices.
const shapes = ["bull:documents:", "llm:cache:test.greet@1:", "rl:upload:", "session:", "quota:"] as const;
const hashEvery = 25;
const batchSize = 5_000;
/** Leftovers of a run that was killed before cleanup expire by themselves. */
const leftoverTtlSeconds = 6 * 60 * 60;

function keyAt(prefix: string, index: number): string {
  return `${prefix}:${shapes[index % shapes.length]}${index}`;
}

function valueAt(index: number): string {
  return `unrelated-${index}`;
}

/** Writes `count` keys (strings and some hashes) under a fresh `vitae-unrelated-…` prefix. */
export async function seedUnrelatedKeys(redis: Redis, count = 50_000): Promise<UnrelatedKeys> {
  const prefix = `vitae-unrelated-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  for (let start = 0; start < count; start += batchSize) {
    const pipeline = redis.pipeline();
    for (let index = start; index < Math.min(count, start + batchSize); index++) {
      const key = keyAt(prefix, index);
      if (index % hashEvery === 0)
        pipeline.hset(key, "value", valueAt(index)).expire(key, leftoverTtlSeconds);
      else pipeline.set(key, valueAt(index), "EX", leftoverTtlSeconds);
    }
    await pipeline.exec();
  }
  return { prefix, count };
}

/** Reads every seeded key back and reports which are missing or changed (both empty when untouched). */
export async function checkUnrelatedKeys(redis: Redis, seeded: UnrelatedKeys): Promise<UnrelatedKeysReport> {
  const missing: string[] = [];
  const changed: string[] = [];
  for (let start = 0; start < seeded.count; start += batchSize) {
    const pipeline = redis.pipeline();
    const indexes: number[] = [];
    for (let index = start; index < Math.min(seeded.count, start + batchSize); index++) {
      indexes.push(index);
      const key = keyAt(seeded.prefix, index);
      if (index % hashEvery === 0) pipeline.hget(key, "value");
      else pipeline.get(key);
    }
    const replies = (await pipeline.exec()) ?? [];
    indexes.forEach((index, position) => {
      const [error, value] = replies[position] ?? [null, null];
      const key = keyAt(seeded.prefix, index);
      if (error) changed.push(key);
      else if (value === null) missing.push(key);
      else if (value !== valueAt(index)) changed.push(key);
    });
  }
  return { present: seeded.count - missing.length, missing, changed };
}

/** Removes the seeded keys (SCAN + UNLINK under the seed's own prefix only). */
export async function removeUnrelatedKeys(redis: Redis, seeded: UnrelatedKeys): Promise<void> {
  for (let start = 0; start < seeded.count; start += batchSize) {
    const keys: string[] = [];
    for (let index = start; index < Math.min(seeded.count, start + batchSize); index++) {
      keys.push(keyAt(seeded.prefix, index));
    }
    await redis.unlink(...keys);
  }
}
