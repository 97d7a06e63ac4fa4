import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { type FreezableProxy, startTcpProxy } from "@vitae/redis/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

let database: TestDatabase;
let proxy: FreezableProxy;
let postgresPort: number;
let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  postgresPort = Number(new URL(database.url).port || 5432);
  proxy = await startTcpProxy(0, { host: "127.0.0.1", port: postgresPort });
  const proxied = new URL(database.url);
  proxied.port = String(proxy.port);
  api = await startTestApi({ env: { DATABASE_URL: proxied.toString() }, runWorkers: false });
  owner = await signUp(api, "Outage");
  await createWorkspace(api, owner, "Outage Co");
});

afterAll(async () => {
  await api?.cleanup();
  await proxy?.close();
  await database?.drop();
});

it("answers 503 SERVICE_UNAVAILABLE (not 500) while Postgres is unreachable, and recovers", async () => {
  await proxy.close();

  const during = await call(api, "documents.list", { cookie: owner.cookie, input: {} });

  expect(during.status).toBe(503);
  expect(during.body.error.data.code).toBe("SERVICE_UNAVAILABLE");
  expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|CONNECTION_|postgres/i);

  proxy = await startTcpProxy(proxy.port, { host: "127.0.0.1", port: postgresPort });
  const after = await call(api, "documents.list", { cookie: owner.cookie, input: {} });
  expect(after.status).toBe(200);
});
