import { describe, expect, it } from "vitest";
import { isSensitiveKey, redactedPlaceholder, redactSensitive } from "./redact";

describe("isSensitiveKey", () => {
  it.each([
    "authorization",
    "Authorization",
    "proxy-authorization",
    "cookie",
    "Set-Cookie",
    "cookies",
    "password",
    "dbPassword",
    "passphrase",
    "secret",
    "clientSecret",
    "client_secret",
    "token",
    "accessToken",
    "refresh_token",
    "sessionToken",
    "api-key",
    "apiKey",
    "api_key",
    "X-API-Key",
    "x-api-key",
    "secretAccessKey",
    "privateKey",
    "signature",
    "X-Amz-Signature",
    "credentials",
  ])("treats %s as sensitive", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(["requestId", "userId", "tokenCount", "totalTokens", "status", "path", "signedAt", "authorId"])(
    "keeps %s visible",
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );
});

describe("redactSensitive", () => {
  const secret = "planted-secret-value-7f3a";

  it("redacts sensitive keys at every depth and inside arrays", () => {
    const input = {
      token: secret,
      a: { b: { c: { d: { e: { password: secret, keep: 1 } } } } },
      list: [{ headers: { Authorization: `Bearer ${secret}` } }, [{ apiKey: secret }]],
    };
    const output = redactSensitive(input);
    expect(JSON.stringify(output)).not.toContain(secret);
    expect(output).toEqual({
      token: redactedPlaceholder,
      a: { b: { c: { d: { e: { password: redactedPlaceholder, keep: 1 } } } } },
      list: [{ headers: { Authorization: redactedPlaceholder } }, [{ apiKey: redactedPlaceholder }]],
    });
  });

  it("redacts whole sub-trees under a sensitive key, whatever their type", () => {
    expect(
      redactSensitive({ credentials: { id: "x", key: secret }, cookies: [secret], signature: 42 }),
    ).toEqual({
      credentials: redactedPlaceholder,
      cookies: redactedPlaceholder,
      signature: redactedPlaceholder,
    });
  });

  it("returns the same reference when nothing is sensitive, and never mutates its input", () => {
    const clean = { a: 1, b: [1, 2, { c: "text" }], d: { e: null } };
    expect(redactSensitive(clean)).toBe(clean);

    const dirty = { keep: { x: 1 }, nested: { token: secret } };
    const output = redactSensitive(dirty) as typeof dirty;
    expect(dirty.nested.token).toBe(secret);
    expect(output).not.toBe(dirty);
    expect(output.keep).toBe(dirty.keep);
  });

  it("handles cycles without looping, and shared (non-cyclic) references normally", () => {
    const shared = { value: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared, token: secret };
    cyclic.self = cyclic;
    const output = redactSensitive(cyclic) as Record<string, unknown>;
    expect(output.self).toBe("[Circular]");
    expect(output.again).toEqual({ value: 1 });
    expect(output.token).toBe(redactedPlaceholder);
  });

  it("serialises errors with their own properties and cause chain, redacted", () => {
    const cause = Object.assign(new Error("socket hang up"), {
      config: { headers: { "x-api-key": secret } },
    });
    const error = Object.assign(new TypeError("upload failed", { cause }), { status: 502, secret });
    const output = redactSensitive({ err: error }) as { err: Record<string, unknown> };
    expect(JSON.stringify(output)).not.toContain(secret);
    expect(output.err).toMatchObject({
      type: "TypeError",
      message: "upload failed",
      status: 502,
      secret: redactedPlaceholder,
      cause: {
        type: "Error",
        message: "socket hang up",
        config: { headers: { "x-api-key": redactedPlaceholder } },
      },
    });
    expect(output.err.stack).toContain("upload failed");
  });

  it("serialises aggregate errors and self-referencing causes", () => {
    const loop = new Error("loop");
    loop.cause = loop;
    const aggregate = new AggregateError(
      [new Error("one"), Object.assign(new Error("two"), { token: secret })],
      "many",
    );
    const output = redactSensitive({ loop, aggregate }) as Record<string, Record<string, unknown>>;
    expect(output.loop?.cause).toBe("[Circular]");
    expect(output.aggregate?.aggregateErrors).toMatchObject([
      { message: "one" },
      { message: "two", token: redactedPlaceholder },
    ]);
  });

  it("masks passwords inside URL strings", () => {
    expect(redactSensitive({ url: `postgres://vitae:${secret}@db:5432/vitae` })).toEqual({
      url: `postgres://vitae:${redactedPlaceholder}@db:5432/vitae`,
    });
    expect(redactSensitive(`connect redis://:${secret}@cache:6379 failed`)).toBe(
      `connect redis://:${redactedPlaceholder}@cache:6379 failed`,
    );
    expect(redactSensitive("mail me at someone@example.com")).toBe("mail me at someone@example.com");
  });

  it("checks what toJSON returns and own properties of class instances", () => {
    class Session {
      constructor(
        readonly id: string,
        readonly sessionToken: string,
      ) {}
    }
    const serialisable = { toJSON: () => ({ refreshToken: secret, ok: true }) };
    const output = redactSensitive({ session: new Session("s1", secret), serialisable });
    expect(output).toEqual({
      session: { id: "s1", sessionToken: redactedPlaceholder },
      serialisable: { refreshToken: redactedPlaceholder, ok: true },
    });
    const date = new Date(0);
    expect(redactSensitive({ date })).toEqual({ date });
  });

  it("truncates beyond the depth it walks instead of printing unchecked content", () => {
    let deep: Record<string, unknown> = { token: secret };
    for (let level = 0; level < 40; level++) deep = { next: deep };
    expect(JSON.stringify(redactSensitive(deep))).not.toContain(secret);
    expect(JSON.stringify(redactSensitive(deep))).toContain("[Truncated]");
  });

  it("passes primitives and binary data through", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(redactSensitive(5)).toBe(5);
    expect(redactSensitive(null)).toBe(null);
    expect(redactSensitive(undefined)).toBe(undefined);
    const holder = { bytes, list: new Map([["token", "not walked: maps serialise as {}"]]) };
    expect(redactSensitive(holder)).toBe(holder);
  });
});
