import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger";
import { redactedPlaceholder } from "./redact";
import { captureOutput } from "./test-output";

const secret = "planted-secret-9c1e44";

function jsonLogger(level: "info" | "debug" | "warn" = "info") {
  const output = captureOutput();
  const logger = createLogger({ level, format: "json", name: "test-service", destination: output.stream });
  return { logger, output };
}

describe("createLogger (json)", () => {
  it("writes one JSON object per line with the service name and message", () => {
    const { logger, output } = jsonLogger();
    logger.info({ count: 2 }, "hello");
    expect(output.lines()).toEqual([
      expect.objectContaining({ level: 30, name: "test-service", msg: "hello", count: 2 }),
    ]);
  });

  it("respects the level", () => {
    const { logger, output } = jsonLogger("warn");
    logger.info("dropped");
    logger.warn("kept");
    expect(output.lines().map((line) => line.msg)).toEqual(["kept"]);
  });

  it("never prints a planted secret, whatever the key, depth or casing", () => {
    const { logger, output } = jsonLogger("debug");
    logger.info({ token: secret, password: secret }, "top level");
    logger.info(
      { request: { headers: { Authorization: `Bearer ${secret}`, Cookie: `sid=${secret}` } } },
      "headers",
    );
    logger.info({ a: { b: { c: { d: { accessToken: secret, "x-api-key": secret } } } } }, "deep");
    logger.info({ items: [{ api_key: secret }, { nested: [{ secretAccessKey: secret }] }] }, "arrays");
    logger.info({ response: { "set-cookie": [`sid=${secret}`] }, upload: { signature: secret } }, "more");
    logger.info({ config: { databaseUrl: `postgres://vitae:${secret}@db/vitae` } }, "url");
    logger.debug("printf %o and %j", { passphrase: secret }, { refreshToken: secret });
    logger.warn(`connecting to redis://:${secret}@cache:6379`);
    const text = output.text();
    expect(text).not.toContain(secret);
    expect(output.lines()).toHaveLength(8);
    expect(output.lines()[0]).toMatchObject({ token: redactedPlaceholder, password: redactedPlaceholder });
    expect(output.lines()[2]).toMatchObject({
      a: { b: { c: { d: { accessToken: redactedPlaceholder, "x-api-key": redactedPlaceholder } } } },
    });
  });

  it("serialises errors — own properties and causes redacted — whether passed alone or as err", () => {
    const { logger, output } = jsonLogger();
    const cause = Object.assign(new Error("denied"), { request: { headers: { authorization: secret } } });
    const error = Object.assign(new Error("upload failed", { cause }), { sessionToken: secret, status: 403 });
    logger.error(error);
    logger.error({ err: error, attempt: 2 }, "retrying");
    const [alone, withKey] = output.lines();
    expect(output.text()).not.toContain(secret);
    expect(alone).toMatchObject({
      msg: "upload failed",
      err: { type: "Error", message: "upload failed", status: 403, sessionToken: redactedPlaceholder },
    });
    expect(withKey).toMatchObject({
      msg: "retrying",
      attempt: 2,
      err: { cause: { message: "denied", request: { headers: { authorization: redactedPlaceholder } } } },
    });
    expect(JSON.stringify(withKey?.err)).toContain("Error: upload failed\\n    at ");
  });

  it("redacts child bindings, setBindings and grandchildren", () => {
    const { logger, output } = jsonLogger();
    const child = logger.child({ requestId: "r1", auth: { token: secret } });
    const grandchild = child.child({ apiKey: secret, jobId: "j1" });
    grandchild.setBindings({ nested: { clientSecret: secret } });
    grandchild.info("from grandchild");
    expect(output.text()).not.toContain(secret);
    expect(output.lines()[0]).toMatchObject({
      requestId: "r1",
      jobId: "j1",
      auth: { token: redactedPlaceholder },
      apiKey: redactedPlaceholder,
      nested: { clientSecret: redactedPlaceholder },
    });
  });

  it("hands serializer keys to their serializer untouched, then redacts what it returns", () => {
    const { logger, output } = jsonLogger();
    class FakeRequest {
      readonly headers = { authorization: secret };
      get method() {
        return "POST";
      }
    }
    const child = logger.child(
      {},
      { serializers: { req: (req: FakeRequest) => ({ method: req.method, headers: req.headers }) } },
    );
    child.info({ req: new FakeRequest() }, "served");
    expect(output.text()).not.toContain(secret);
    // The prototype getter survived: the serializer saw the real instance, not a copy.
    expect(output.lines()[0]).toMatchObject({
      req: { method: "POST", headers: { authorization: redactedPlaceholder } },
    });
  });

  it("does not mutate the objects it logs", () => {
    const { logger } = jsonLogger();
    const payload = { user: { password: secret } };
    logger.info(payload, "login");
    expect(payload.user.password).toBe(secret);
  });
});

describe("createLogger (pretty)", () => {
  it("writes human-readable lines, still redacted", async () => {
    const output = captureOutput();
    const logger = createLogger({
      level: "info",
      format: "pretty",
      name: "pretty-service",
      destination: output.stream,
    });
    logger.info({ user: { password: secret }, count: 3 }, "pretty hello");
    await new Promise<void>((resolve, reject) => {
      output.stream.once("error", reject);
      const poll = () => (output.text().includes("pretty hello") ? resolve() : setImmediate(poll));
      poll();
    });
    const text = output.text();
    expect(text).toContain("INFO");
    expect(text).toContain("(pretty-service)");
    expect(text).toContain(redactedPlaceholder);
    expect(text).not.toContain(secret);
    expect(() => JSON.parse(text)).toThrow();
  });
});
