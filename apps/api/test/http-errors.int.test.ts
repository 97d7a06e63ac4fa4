import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApiConfig } from "../src/config";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

/**
 * Finding 9: answers outside the error contract — `TRACE /trpc/*` → 500, `audit.list` with a year-0
 * date → 500 (Postgres range), Fastify's router errors echoing the path without CSP or request id —
 * and finding 11: `/metrics` open in production when METRICS_TOKEN is unset.
 */
let api: TestApi;
let admin: TestUser;

beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
  admin = await signUp(api, "Admin");
  await createWorkspace(api, admin, "Errors Co");
});
afterAll(async () => {
  await api?.cleanup();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent byte for byte (fetch would normalise `/%`). */
function raw(method: string, path: string): Promise<RawResponse> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** The error contract: the code's status, `{ code, message, requestId }`, security headers, no echo. */
function expectContract(response: RawResponse, status: number, code: string, path: string) {
  expect(response.status, `${path}: ${response.body}`).toBe(status);
  const requestId = response.headers["x-request-id"];
  expect(requestId).toEqual(expect.any(String));
  expect(JSON.parse(response.body)).toEqual({ code, message: expect.any(String), requestId });
  expect(response.headers["content-security-policy"]).toEqual(expect.stringContaining("default-src"));
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["strict-transport-security"]).toEqual(expect.any(String));
  expect(response.body).not.toContain(path.slice(1, 40) || "%");
}

describe("router and method errors follow the error contract", () => {
  it.each(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s /trpc/* → 405", async (method) => {
    const response = await raw(method, "/trpc/system.status");
    expectContract(response, 405, "METHOD_NOT_SUPPORTED", "/trpc/system.status");
    expect(response.headers.allow).toBe("GET, HEAD, POST");
  });

  it.each(["/%", "/trpc/%", "/trpc/system.status%zz", "/storage/%E0%A4%A"])(
    "GET %s (bad encoding) → 400",
    async (path) => {
      expectContract(await raw("GET", path), 400, "BAD_REQUEST", path);
    },
  );

  it("a route parameter over the length limit → 400, without echoing it", async () => {
    const path = `/trpc/${"secretish".repeat(700)}`;
    expectContract(await raw("GET", path), 400, "BAD_REQUEST", path);
  });
});

describe("date inputs are bounded before they reach Postgres", () => {
  const auditList = (input: unknown) => call(api, "audit.list", { cookie: admin.cookie, input });

  it.each([
    { from: "0000-01-01" },
    { from: "0000-01-01T00:00:00.000Z" },
    { to: "-271821-04-20T00:00:00.000Z" },
    { to: "+275760-09-13T00:00:00.000Z" },
    { from: "1899-12-31" },
    { to: "2200-01-01" },
    { from: 0 },
    { to: 8.64e15 },
    { from: null },
    { from: "yesterday" },
  ])("audit.list %j → 400 VALIDATION_FAILED", async (input) => {
    const result = await auditList(input);
    expect(result.status, JSON.stringify(result.body)).toBe(400);
    expect(result.body.error.data.code).toBe("VALIDATION_FAILED");
  });

  it("sane dates still filter", async () => {
    const result = await auditList({ from: "2020-01-01", to: new Date(Date.now() + 60_000).toISOString() });
    expect(result.status).toBe(200);
    expect(result.body.result.data.items.length).toBeGreaterThan(0);
  });

  it("a page cursor carrying a far-future instant → 400, not 500", async () => {
    const cursor = Buffer.from("999999999999999:6f1d1b0e-0000-4000-8000-000000000000").toString("base64url");
    const result = await auditList({ cursor });
    expect(result.status, JSON.stringify(result.body)).toBe(400);
  });

  it.each(["0000-01", "9999-12", "1899-12"])(
    "profiles.update with month %s → 400 VALIDATION_FAILED",
    async (month) => {
      const result = await call(api, "profiles.update", {
        cookie: admin.cookie,
        type: "mutation",
        input: {
          profileId: "6f1d1b0e-0000-4000-8000-000000000000",
          patch: { experiences: [{ id: "6f1d1b0e-0000-4000-8000-000000000001", start: month }] },
        },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(400);
      expect(result.body.error.data.code).toBe("VALIDATION_FAILED");
    },
  );
});

describe("metrics in production", () => {
  it("the API refuses to boot with NODE_ENV=production and no METRICS_TOKEN, naming the variable", () => {
    const production = {
      NODE_ENV: "production",
      AUTH_SECRET: "a".repeat(32),
      STORAGE_SIGNING_SECRET: "s".repeat(32),
    };
    expect(() => loadApiConfig(production)).toThrow(/METRICS_TOKEN.*required/);
    expect(loadApiConfig({ ...production, METRICS_TOKEN: "m".repeat(16) }).metricsToken).toBe("m".repeat(16));
  });
});
