import type { TestLlmServer } from "@vitae/llm/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { authSecret, bearersOf, kek, plantedKey, useByokWorld } from "./llm-settings-support";

const world = useByokWorld();
const { asA, rowsOf } = world;
let workspaceLlm: TestLlmServer;
let api: TestApi;
let ownerA: TestUser;
beforeAll(() => {
  ({ workspaceLlm, api, ownerA } = world);
});

describe("base URLs that reach into the server's network", () => {
  let strict: TestApi;
  beforeAll(async () => {
    strict = await startTestApi({
      shareWith: api,
      runWorkers: false,
      env: { LLM_KEY_ENCRYPTION_KEY: kek, AUTH_SECRET: authSecret, LLM_ALLOW_PRIVATE_BASE_URLS: "false" },
    });
  });
  afterAll(async () => {
    await strict?.cleanup();
  });

  it("are refused unless the operator allows them", async () => {
    for (const baseUrl of [
      workspaceLlm.url,
      "http://localhost:9/v1",
      "http://169.254.169.254/latest",
      "http://10.0.0.8/v1",
      "http://[::1]:9/v1",
      "http://[::ffff:127.0.0.1]:9/v1",
    ]) {
      const refused = await call(strict, "llmSettings.set", {
        cookie: ownerA.cookie,
        type: "mutation",
        input: { baseUrl, model: "m", apiKey: { value: plantedKey } },
      });
      expect(refused.status, baseUrl).toBe(400);
      expect(refused.body.error.data.code).toBe("VALIDATION_FAILED");
      expect(refused.body.error.message).toMatch(/private, loopback or link-local/);
    }
    const stored = await call(strict, "llmSettings.get", { cookie: ownerA.cookie });
    expect(stored.body.result.data.provider).toBeNull();
  });

  it("are not called even when stored while they were allowed", async () => {
    await asA("llmSettings.set", {
      baseUrl: workspaceLlm.url,
      model: "byo-model",
      apiKey: { value: plantedKey },
    });
    const seen = workspaceLlm.requests.length;
    const tested = await call(strict, "llmSettings.test", { cookie: ownerA.cookie, type: "mutation" });
    expect(tested.body.result.data).toMatchObject({ ok: false, provider: "workspace" });
    expect(workspaceLlm.requests.length).toBe(seen);
    expect(strict.logText()).not.toContain(plantedKey);
  });
});

describe("rotating the key-encryption key", () => {
  const nextKek = "next-key-encryption-key-fedcba9876543210";
  const sealedKey = async () =>
    (
      await rowsOf<{ api_key_sealed: string }>(
        sql`select api_key_sealed from workspace_llm_settings where api_key_sealed is not null`,
      )
    )[0]?.api_key_sealed ?? "";

  it("re-seals a stored key under the new KEK when it is used, after which the old KEK can go", async () => {
    await asA("llmSettings.set", {
      baseUrl: workspaceLlm.url,
      model: "byo-model",
      apiKey: { value: plantedKey },
    });
    const underOld = await sealedKey();
    const rotating = await startTestApi({
      shareWith: api,
      runWorkers: false,
      env: {
        AUTH_SECRET: authSecret,
        LLM_KEY_ENCRYPTION_KEY: nextKek,
        LLM_KEY_ENCRYPTION_KEY_PREVIOUS: kek,
        LLM_ALLOW_PRIVATE_BASE_URLS: "true",
      },
    });
    try {
      const tested = await call(rotating, "llmSettings.test", { cookie: ownerA.cookie, type: "mutation" });
      expect(tested.body.result.data).toMatchObject({ ok: true, provider: "workspace" });
      expect(bearersOf(workspaceLlm).at(-1)).toBe(`Bearer ${plantedKey}`);
      const underNew = await sealedKey();
      expect(underNew).not.toBe(underOld);
      expect(underNew.split(".")[1]).not.toBe(underOld.split(".")[1]);
      expect(rotating.logText()).not.toContain(plantedKey);
    } finally {
      await rotating.cleanup();
    }
    const rotated = await startTestApi({
      shareWith: api,
      runWorkers: false,
      env: { AUTH_SECRET: authSecret, LLM_KEY_ENCRYPTION_KEY: nextKek, LLM_ALLOW_PRIVATE_BASE_URLS: "true" },
    });
    try {
      const tested = await call(rotated, "llmSettings.test", { cookie: ownerA.cookie, type: "mutation" });
      expect(tested.body.result.data).toMatchObject({ ok: true, provider: "workspace" });
    } finally {
      await rotated.cleanup();
    }
    // The first instance holds only the old KEK: the re-sealed key no longer opens there, and it says so
    // instead of falling back to the deployment's provider.
    const stale = await asA("llmSettings.test");
    expect(stale.body.result.data).toMatchObject({
      ok: false,
      provider: "workspace",
      code: "LLM_UNAVAILABLE",
    });
    expect(api.logText()).not.toContain(plantedKey);
  });
});

describe("production without a key-encryption key", () => {
  it("refuses to start while workspace keys are stored, naming the setting", async () => {
    const production = {
      NODE_ENV: "production",
      AUTH_SECRET: authSecret,
      METRICS_TOKEN: "byok-metrics-token-0123",
      STORAGE_SIGNING_SECRET: "byok-storage-signing-secret-0123456789",
    };
    await expect(startTestApi({ shareWith: api, runWorkers: false, env: production })).rejects.toThrow(
      /LLM_KEY_ENCRYPTION_KEY is required: 1 workspace/,
    );
  });
});
