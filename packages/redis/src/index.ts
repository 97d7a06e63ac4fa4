export { type CreateRedisOptions, createRedis, maxReconnectDelayMs, type RedisRole } from "./create-redis";
export {
  type CreateInvalidatedCacheOptions,
  createInvalidatedCache,
  type InvalidatedCache,
  type Tagged,
} from "./invalidated-cache";
export { pingRedis } from "./ping-redis";
