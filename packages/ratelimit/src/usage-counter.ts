import type { Logger } from "@vitae/logger";
import type { Redis } from "ioredis";
import type { UsageStore } from "./quota-guard";
import { type QuotaPeriod, quotaPeriodOf } from "./quota-period";
import { runScript } from "./redis-script";

/**
 * One request admitted or refused: the fixed-window rate-limit count (when `rate` is given) and the
 * workspace's monthly request counter, decided in one Lua script — one Redis round trip per call.
 *
 * KEYS: rate-limit window key, usage hash, dirty set.
 * ARGV: count the window (1/0), window ms, rate limit, quota limit, dirty member, usage expiry (epoch ms),
 * seed ("" or the durable total to start the counter from).
 * Returns { window count, quota outcome (1 counted, 0 refused, -1 rate-limited, -2 needs a seed), total }.
 * The window part is upstash's fixed window (same key, `INCR` then `PEXPIRE` on the first hit), so this and
 * `RateLimiter.limit` share counters. A refused request is not counted against the quota.
 */
const admitScript = `
local used = 0
if ARGV[1] == "1" then
  used = redis.call("INCR", KEYS[1])
  if used == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
  if used > tonumber(ARGV[3]) then return {used, -1, 0} end
end
if ARGV[7] ~= "" then
  if redis.call("HSETNX", KEYS[2], "requests", ARGV[7]) == 1 then
    redis.call("HSETNX", KEYS[2], "pending", 0)
    redis.call("PEXPIREAT", KEYS[2], ARGV[6])
  end
end
local total = redis.call("HGET", KEYS[2], "requests")
if not total then return {used, -2, 0} end
total = tonumber(total)
if total + 1 > tonumber(ARGV[4]) then return {used, 0, total} end
redis.call("HINCRBY", KEYS[2], "requests", 1)
redis.call("HINCRBY", KEYS[2], "pending", 1)
redis.call("SADD", KEYS[3], ARGV[5])
return {used, 1, total + 1}
`;

/** Takes a usage hash's unflushed requests (sets them to zero) and returns how many there were. */
const takePendingScript = `
local n = tonumber(redis.call("HGET", KEYS[1], "pending") or "0")
if n > 0 then redis.call("HINCRBY", KEYS[1], "pending", -n) end
return n
`;

/** A fixed-window rate-limit check to run in the same round trip. */
export interface WindowCheck {
  /** The window counter's key (`<prefix>:rl:<tier>:<windowMs>:<identifier>:<window number>`). */
  key: string;
  windowMs: number;
  limit: number;
}

/** The outcome of {@link UsageCounter.admit}. */
export type AdmitOutcome =
  | { kind: "rate-limited"; windowCount: number }
  | { kind: "counted" | "quota-refused"; windowCount: number; requests: number };

/** What one flush wrote behind to the store. */
export interface FlushResult {
  workspaces: number;
  requests: number;
}

/**
 * Workspaces' monthly request counters, live in Redis and written behind to the durable store.
 * Admission reads and counts in Redis (exact under concurrency: one atomic script per request, across
 * every process); `flush` moves the counted-but-unwritten requests to the store.
 */
export interface UsageCounter {
  /** Counts one request of `workspaceId` unless the window or the quota refuses it; see {@link admitScript}. */
  admit(params: {
    workspaceId: string;
    quotaLimit: number;
    rate?: WindowCheck;
    now?: Date;
  }): Promise<AdmitOutcome>;
  /** The live request total of the period, or null when Redis holds no counter for it yet. */
  live(workspaceId: string, period: string): Promise<number | null>;
  /**
   * Writes every workspace's unflushed requests to the store (many processes may flush at once: each
   * request is taken by exactly one). A failed write gives its requests back for the next flush.
   */
  flush(): Promise<FlushResult>;
}

/** Options of {@link createUsageCounter}. */
export interface CreateUsageCounterOptions {
  /** A `client`-role connection; the caller owns it. */
  redis: Redis;
  /** `REDIS_KEY_PREFIX`. */
  prefix: string;
  /** The durable store: the seed of a counter Redis does not hold, and where flushes write. */
  store: UsageStore;
  logger: Logger;
}

/** Counters outlive their month by a week so late flushes still find their pending requests. */
const keepAfterPeriodMs = 7 * 86_400_000;
const flushBatch = 100;

export function createUsageCounter(options: CreateUsageCounterOptions): UsageCounter {
  const { redis, prefix, store, logger } = options;
  const dirtyKey = `${prefix}:usage:dirty`;
  const usageKey = (workspaceId: string, period: string) => `${prefix}:usage:${period}:${workspaceId}`;

  async function runAdmit(
    workspaceId: string,
    period: QuotaPeriod,
    quotaLimit: number,
    rate: WindowCheck | undefined,
    seed: number | undefined,
  ): Promise<[number, number, number]> {
    const key = usageKey(workspaceId, period.key);
    return (await runScript(
      redis,
      admitScript,
      [rate?.key ?? key, key, dirtyKey],
      [
        rate ? "1" : "0",
        rate?.windowMs ?? 0,
        rate?.limit ?? 0,
        quotaLimit,
        `${workspaceId}|${period.key}`,
        period.end.getTime() + keepAfterPeriodMs,
        seed === undefined ? "" : String(seed),
      ],
    )) as [number, number, number];
  }

  return {
    async admit({ workspaceId, quotaLimit, rate, now = new Date() }) {
      const period = quotaPeriodOf(now);
      let [windowCount, outcome, total] = await runAdmit(workspaceId, period, quotaLimit, rate, undefined);
      if (outcome === -1) return { kind: "rate-limited", windowCount };
      if (outcome === -2) {
        // First request of the period this Redis has seen: start from the durable total (once; a
        // concurrent seed of another process wins and this one is ignored). The window already counted.
        const durable = await store.get(workspaceId, period.key);
        [, outcome, total] = await runAdmit(workspaceId, period, quotaLimit, undefined, durable.requests);
      }
      return { kind: outcome === 1 ? "counted" : "quota-refused", windowCount, requests: total };
    },

    async live(workspaceId, period) {
      const value = await redis.hget(usageKey(workspaceId, period), "requests");
      return value === null ? null : Number(value);
    },

    async flush() {
      const result: FlushResult = { workspaces: 0, requests: 0 };
      // Members whose write failed go back to the dirty set only after this pass, which would
      // otherwise pop them again at once.
      const failed: string[] = [];
      for (;;) {
        const members = (await redis.spop(dirtyKey, flushBatch)) as string[];
        if (members.length === 0) break;
        for (const member of members) {
          const [workspaceId = "", period = ""] = member.split("|");
          const key = usageKey(workspaceId, period);
          const taken = Number(await runScript(redis, takePendingScript, [key], []));
          if (taken === 0) continue;
          try {
            await store.increment(workspaceId, period, { requests: taken });
            result.workspaces += 1;
            result.requests += taken;
          } catch (error) {
            if (isNotFound(error)) continue;
            // Given back whole, so the next flush writes it; the live figure never changed.
            await redis.hincrby(key, "pending", taken);
            failed.push(member);
            logger.warn(
              { err: error, workspaceId, period, requests: taken },
              "usage flush failed; retried later",
            );
          }
        }
      }
      if (failed.length > 0) await redis.sadd(dirtyKey, ...failed);
      return result;
    },
  };
}

/** A workspace deleted since its requests were counted: there is nothing left to bill them to. */
function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "NOT_FOUND";
}
