import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { readJson } from "./json";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: { CORS_ORIGINS: "https://app.example.com", BODY_LIMIT_BYTES: "2048" } });
});
afterAll(async () => {
  await api?.cleanup();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

describe("request ids", () => {
  it("echoes a well-formed X-Request-ID and puts it in tRPC error bodies", async () => {
    const response = await fetch(`${api.url}/trpc/system.nope`, {
      headers: { "x-request-id": "client-trace-0001" },
    });
    expect(response.headers.get("x-request-id")).toBe("client-trace-0001");
    const body = await readJson(response);
    expect(body.error.data.requestId).toBe("client-trace-0001");
  });

  it("replaces a malformed one with a generated UUID", async () => {
    const response = await fetch(`${api.url}/healthz`, { headers: { "x-request-id": "bad id\twith tab" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("tags every log line of a request with its id, and never logs tRPC GET input", async () => {
    const input = encodeURIComponent(JSON.stringify({ jobRunId: "00000000-0000-4000-8000-00000000beef" }));
    await fetch(`${api.url}/trpc/system.selfTestResult?input=${input}`, {
      headers: { "x-request-id": "log-trace-0002" },
    });
    const lines = api.logLines().filter((line) => line.requestId === "log-trace-0002");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.msg === "request" && line.path === "/trpc/system.selfTestResult")).toBe(
      true,
    );
    expect(api.logText()).not.toContain("00000000beef");
  });
});

describe("security headers and CORS", () => {
  it("sets helmet headers, an API CSP, X-XSS-Protection: 0 and no x-powered-by", async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get("x-xss-protection")).toBe("0");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("allows only configured origins", async () => {
    const allowed = await fetch(`${api.url}/healthz`, { headers: { origin: "https://app.example.com" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const denied = await fetch(`${api.url}/healthz`, { headers: { origin: "https://evil.example.net" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("error shape: never a 500, never a stack", () => {
  const expectTrpcError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = await readJson(response);
    expect(body.error.data.code).toBe(code);
    expect(body.error.data.requestId).toBe(response.headers.get("x-request-id"));
    expect(typeof body.error.message).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/stack|node_modules|\.ts:\d+/);
  };

  it("unknown procedure → 404 PROCEDURE_NOT_FOUND", async () => {
    await expectTrpcError(await fetch(`${api.url}/trpc/system.doesNotExist`), 404, "PROCEDURE_NOT_FOUND");
  });

  it("malformed JSON body → 400", async () => {
    await expectTrpcError(await post("/trpc/system.selfTest", "{not json"), 400, "BAD_REQUEST");
  });

  it("malformed GET input → 400", async () => {
    await expectTrpcError(
      await fetch(`${api.url}/trpc/system.selfTestResult?input=%7Bbroken`),
      400,
      "BAD_REQUEST",
    );
  });

  it("invalid input → 400 VALIDATION_FAILED with field details", async () => {
    const input = encodeURIComponent(JSON.stringify({ jobRunId: "not-a-uuid" }));
    const response = await fetch(`${api.url}/trpc/system.selfTestResult?input=${input}`);
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error.data.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.data.fieldErrors)).toEqual(["jobRunId"]);
  });

  it("unknown id → 404 NOT_FOUND", async () => {
    const input = encodeURIComponent(JSON.stringify({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }));
    await expectTrpcError(
      await fetch(`${api.url}/trpc/system.selfTestResult?input=${input}`),
      404,
      "NOT_FOUND",
    );
  });

  it("oversized batch → 400 BATCH_TOO_LARGE", async () => {
    const paths = Array.from({ length: 21 }, () => "system.status").join(",");
    await expectTrpcError(
      await fetch(`${api.url}/trpc/${paths}?batch=1&input=%7B%7D`),
      400,
      "BATCH_TOO_LARGE",
    );
  });

  it("a batch at the limit is answered call by call", async () => {
    const paths = Array.from({ length: 20 }, () => "system.status").join(",");
    const response = await fetch(`${api.url}/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toHaveLength(20);
  });

  it("oversized body → 413 PAYLOAD_TOO_LARGE in the plain shape", async () => {
    const response = await post("/trpc/system.selfTest", JSON.stringify({ padding: "x".repeat(4096) }));
    expect(response.status).toBe(413);
    const body = await readJson(response);
    expect(body).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.any(String),
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("wrong method on a query → 405", async () => {
    await expectTrpcError(await post("/trpc/system.status", ""), 405, "METHOD_NOT_SUPPORTED");
  });

  it("unsupported content type → 415 in the plain shape", async () => {
    const response = await post("/trpc/system.selfTest", "a=b", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
    expect((await readJson(response)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("unknown API path → 404 NOT_FOUND in the plain shape", async () => {
    const response = await fetch(`${api.url}/api/does-not-exist`);
    expect(response.status).toBe(404);
    expect((await readJson(response)).code).toBe("NOT_FOUND");
  });

  it("fuzzed inputs to every procedure never produce a 5xx", async () => {
    const payloads = [
      "null",
      "[]",
      '"str"',
      "123",
      '{"jobRunId":null}',
      '{"jobRunId":{"$gt":""}}',
      `{"jobRunId":"${"9".repeat(1000)}"}`,
      '{"__proto__":{"polluted":true}}',
      '{"jobRunId":"\\u0000\'; drop table job_runs;--"}',
    ];
    const procedures = ["system.status", "system.selfTestResult", "system.selfTest"];
    for (const procedure of procedures) {
      for (const payload of payloads) {
        const query = await fetch(`${api.url}/trpc/${procedure}?input=${encodeURIComponent(payload)}`);
        const mutation = await post(`/trpc/${procedure}`, payload);
        for (const response of [query, mutation]) {
          expect(response.status, `${procedure} ${payload}`).toBeLessThan(500);
          await response.body?.cancel();
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("health, readiness and metrics", () => {
  it("/healthz and /readyz report ok with every component up", async () => {
    expect(await readJson(await fetch(`${api.url}/healthz`))).toEqual({ status: "ok" });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      components: { postgres: "up", redis: "up", storage: "up" },
      // No provider in tests: basic mode, and a breaker that never trips.
      llm: { available: false, breaker: "closed" },
    });
  });

  it("/metrics exposes request and procedure histograms", async () => {
    await fetch(`${api.url}/trpc/system.status`);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/trpc\/:path"/);
    expect(text).toMatch(/trpc_procedure_duration_seconds_count\{[^}]*procedure="system.status"/);
    expect(text).toMatch(/dependency_up\{[^}]*component="postgres"[^}]*\} 1/);
  });
});

describe("content security policy for the web app", () => {
  it("lets the app connect only to itself when objects live on disk", async () => {
    const response = await fetch(`${api.url}/documents`, { headers: { accept: "text/html" } });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self'");
    await response.body?.cancel();
  });

  it("adds the S3 endpoint to connect-src so presigned uploads work from the browser", async () => {
    // An unreachable S3 endpoint is fine here: the server starts, reports storage down, and serves pages.
    const s3Api = await startTestApi({
      runWorkers: false,
      env: { S3_BUCKET: "vitae-test", S3_ENDPOINT: "http://127.0.0.1:1", S3_FORCE_PATH_STYLE: "true" },
    });
    try {
      const response = await fetch(`${s3Api.url}/documents`, { headers: { accept: "text/html" } });
      expect(response.headers.get("content-security-policy")).toContain(
        "connect-src 'self' http://127.0.0.1:1;",
      );
      await response.body?.cancel();
    } finally {
      await s3Api.cleanup();
    }
  });
});

describe("error logging", () => {
  it("logs expected client errors below error level, and never as 'procedure failed'", async () => {
    await fetch(`${api.url}/trpc/auth.me`, { headers: { "x-request-id": "expected-401-0001" } });
    const lines = api.logLines().filter((line) => line.requestId === "expected-401-0001");
    expect(lines.some((line) => line.msg === "request" && line.status === 401)).toBe(true);
    expect(lines.filter((line) => line.msg === "procedure failed")).toEqual([]);
  });
});
