export { type CreateRedisOptions, createRedis, maxReconnectDelayMs, type RedisRole } from "./create-redis";
export { pingRedis } from "./ping-redis";
