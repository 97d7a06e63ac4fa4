import { once } from "node:events";
import { AppError } from "@vitae/errors";
import { createRedis } from "@vitae/redis";
import { getTestRedisUrl } from "@vitae/redis/testing";
import { describe, expect, it } from "vitest";
import { createAuth } from "./create-auth";
import { resolvePrincipal } from "./principal";
import { openAuthHarness } from "./test-harness";

describe("resolvePrincipal when the session store is down", () => {
  it("reports SERVICE_UNAVAILABLE instead of an internal error or an anonymous caller", async () => {
    const harness = await openAuthHarness("postgres");
    const redis = createRedis(getTestRedisUrl(), { role: "client" });
    try {
      await once(redis, "ready");
      const user = await harness.signUp();
      const auth = createAuth({
        db: harness.db,
        redis,
        redisPrefix: harness.prefix,
        secret: harness.secret,
        baseUrl: harness.baseUrl,
        trustedOrigins: [],
        mailer: harness.mailer,
      });
      await expect(
        resolvePrincipal({ auth, db: harness.db, headers: new Headers({ cookie: user.cookie }) }),
      ).resolves.toMatchObject({ userId: user.id });
      redis.disconnect();
      const error = await resolvePrincipal({
        auth,
        db: harness.db,
        headers: new Headers({ cookie: user.cookie }),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      redis.disconnect();
      await harness.close();
    }
  });
});
