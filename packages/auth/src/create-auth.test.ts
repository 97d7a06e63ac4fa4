import type { Database } from "@vitae/db";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createAuth, isLocalHttpUrl } from "./create-auth";
import { createOutboxMailer } from "./mailer";

describe("isLocalHttpUrl", () => {
  it.each([
    ["http://localhost:3000", true],
    ["http://localhost", true],
    ["http://127.0.0.1:8080/app", true],
    ["https://localhost:3000", false],
    ["http://localhost.example.com", false],
    ["http://127.0.0.2", false],
    ["http://10.0.0.5:3000", false],
    ["https://vitae.example.com", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => {
    expect(isLocalHttpUrl(url)).toBe(expected);
  });
});

describe("createAuth", () => {
  it("refuses a secret shorter than 32 characters before touching anything", () => {
    expect(() =>
      createAuth({
        db: {} as Database,
        redis: {} as Redis,
        redisPrefix: "x",
        secret: "s".repeat(31),
        baseUrl: "http://localhost:3000",
        trustedOrigins: [],
        mailer: createOutboxMailer(async () => {}),
      }),
    ).toThrow(/at least 32 characters/);
  });
});
