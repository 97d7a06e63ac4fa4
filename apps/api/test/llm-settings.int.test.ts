import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { type CallResult, call, createWorkspace, signUp, type TestUser } from "./identity";

/**
 * Bring-your-own provider: workspace A sets its own OpenAI-compatible server and a distinctive key; its
 * answers and parses go there with that key as bearer, workspace B keeps the deployment's provider, and
 * the key is then searched for in every table, every log line and every response: never found.
 */
const plantedKey = "sk-byok-PLANTED-7c1e94d2a8b35f60";
const globalKey = "global-llm-key-0123456789";
const kek = "test-key-encryption-key-0123456789abcdef";
// Shared with the second instance below, so one sign-in works on both.
const authSecret = "byok-test-auth-secret-0123456789abcdef";

let globalLlm: TestLlmServer;
let workspaceLlm: TestLlmServer;
let api: TestApi;
let ownerA: TestUser;
let ownerB: TestUser;
const responses: string[] = [];

async function recorded(result: Promise<CallResult>): Promise<CallResult> {
  const settled = await result;
  responses.push(JSON.stringify(settled.body));
  return settled;
}

const asA = (path: string, input?: unknown, type: "query" | "mutation" = "mutation") =>
  recorded(call(api, path, { cookie: ownerA.cookie, type, ...(input === undefined ? {} : { input }) }));

/** Rows of a raw query (postgres.js answers an array, PGlite `{ rows }`). */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result = (await api.deps.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const bearersOf = (server: TestLlmServer) =>
  server.requestsTo("/chat/completions").map((request) => request.headers.authorization);

beforeAll(async () => {
  globalLlm = await startTestLlmServer({ apiKey: globalKey });
  workspaceLlm = await startTestLlmServer({ apiKey: plantedKey });
  // Parsing asks for JSON; prose makes it fall back to the heuristic parser after reaching the provider.
  for (const server of [globalLlm, workspaceLlm])
    server.setFallback(() => ({ type: "chat", content: "prose" }));
  api = await startTestApi({
    env: {
      LLM_BASE_URL: globalLlm.url,
      LLM_MODEL: "global-model",
      LLM_API_KEY: globalKey,
      LLM_KEY_ENCRYPTION_KEY: kek,
      AUTH_SECRET: authSecret,
      // The workspace's server listens on loopback.
      LLM_ALLOW_PRIVATE_BASE_URLS: "true",
      RATE_LIMIT_UPLOAD_FREE: "1000/1h",
    },
  });
  ownerA = await signUp(api, "ByokA");
  await createWorkspace(api, ownerA, "BYOK A");
  ownerB = await signUp(api, "ByokB");
  await createWorkspace(api, ownerB, "BYOK B");
});
afterAll(async () => {
  await api?.cleanup();
  await globalLlm?.close();
  await workspaceLlm?.close();
});

describe("a workspace's own LLM provider", () => {
  it("is stored, reported as 'a key is set, since', tested, and used for that workspace's calls only", async () => {
    const before = await asA("llmSettings.get", undefined, "query");
    expect(before.body.result.data).toEqual({ provider: null, canStoreKeys: true });

    const set = await asA("llmSettings.set", {
      baseUrl: `${workspaceLlm.url}/`,
      model: "byo-model",
      apiKey: { value: plantedKey },
    });
    expect(set.status).toBe(200);
    const provider = set.body.result.data.provider;
    expect(provider).toMatchObject({ baseUrl: workspaceLlm.url, model: "byo-model" });
    expect(Date.parse(provider.apiKeySetAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Object.keys(provider).sort()).toEqual(["apiKeySetAt", "baseUrl", "model", "updatedAt"]);

    const tested = await asA("llmSettings.test");
    expect(tested.body.result.data).toMatchObject({ ok: true, provider: "workspace", model: "byo-model" });
    expect(bearersOf(workspaceLlm)).toEqual([`Bearer ${plantedKey}`]);

    // Parsing in the worker and answering in the API both go to the workspace's server with its key.
    const documentId = await uploadDocument(
      api,
      ownerA,
      "marcus.txt",
      await fixture("resumes/marcus-lee.txt"),
    );
    const profileId = (await followDocument(api, ownerA, documentId)).at(-1)?.profileId ?? "";
    const parses = workspaceLlm.requestsTo("/chat/completions").length;
    expect(parses).toBeGreaterThan(1);
    await asA("chat.ask", { profileId, question: "Where does he work now?" });
    expect(workspaceLlm.requestsTo("/chat/completions").length).toBeGreaterThan(parses);
    expect(new Set(bearersOf(workspaceLlm))).toEqual(new Set([`Bearer ${plantedKey}`]));
    expect(
      workspaceLlm
        .requestsTo("/chat/completions")
        .every((r) => (r.body as { model: string }).model === "byo-model"),
    ).toBe(true);
    expect(globalLlm.requestsTo("/chat/completions")).toHaveLength(0);

    // Workspace B still uses the deployment's provider, never A's.
    const seenByA = workspaceLlm.requests.length;
    const documentB = await uploadDocument(
      api,
      ownerB,
      "marcus.txt",
      await fixture("resumes/marcus-lee.txt"),
    );
    const profileB = (await followDocument(api, ownerB, documentB)).at(-1)?.profileId ?? "";
    responses.push(
      JSON.stringify(
        (
          await call(api, "chat.ask", {
            cookie: ownerB.cookie,
            type: "mutation",
            input: { profileId: profileB, question: "Where does he work now?" },
          })
        ).body,
      ),
    );
    expect(workspaceLlm.requests.length).toBe(seenByA);
    expect(globalLlm.requestsTo("/chat/completions").length).toBeGreaterThan(1);
    expect(new Set(bearersOf(globalLlm))).toEqual(new Set([`Bearer ${globalKey}`]));
    const bTest = await call(api, "llmSettings.test", { cookie: ownerB.cookie, type: "mutation" });
    expect(bTest.body.result.data).toMatchObject({ ok: true, provider: "deployment", model: "global-model" });
  });

  it("reports a refused key in words, and keeping the key on an edit keeps it", async () => {
    // The server now wants another key; its 401 body echoes the key it was sent, as some providers do.
    workspaceLlm.configure({ apiKey: "sk-some-other-key-000000" });
    const tested = await asA("llmSettings.test");
    expect(tested.body.result.data).toMatchObject({ ok: false, provider: "workspace" });
    expect(tested.body.result.data.message).toMatch(/AI provider/);
    workspaceLlm.configure({ apiKey: plantedKey });

    const edited = await asA("llmSettings.set", { baseUrl: workspaceLlm.url, model: "byo-model-2" });
    expect(edited.body.result.data.provider.model).toBe("byo-model-2");
    expect(edited.body.result.data.provider.apiKeySetAt).not.toBeNull();
    expect(await asA("llmSettings.test")).toMatchObject({ body: { result: { data: { ok: true } } } });
    expect(bearersOf(workspaceLlm).at(-1)).toBe(`Bearer ${plantedKey}`);
  });

  it("records audited writes that name what changed, not the key", async () => {
    const audit = await asA("audit.list", { action: "llm-settings.set" }, "query");
    const items = audit.body.result.data.items as { metadata: { apiKey: string } }[];
    expect(items.map((item) => item.metadata.apiKey).sort()).toEqual(["kept", "replaced"]);
  });

  it("leaves the key in no table, log line or response", async () => {
    const tables = await rowsOf<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    let dumped = 0;
    for (const { table_name: table } of tables) {
      const rows = await rowsOf<{ row: string }>(sql`select t::text as row from ${sql.identifier(table)} t`);
      for (const { row } of rows) {
        dumped += 1;
        expect(row, `table ${table}`).not.toContain(plantedKey);
      }
    }
    // The dump is not vacuous: the settings row, the audit rows and the usage ledger were read.
    expect(dumped).toBeGreaterThan(20);
    const sealed = await rowsOf<{ api_key_sealed: string }>(
      sql`select api_key_sealed from workspace_llm_settings`,
    );
    expect(sealed[0]?.api_key_sealed).toMatch(/^v1\./);
    expect(api.logText().length).toBeGreaterThan(1000);
    expect(api.logText()).not.toContain(plantedKey);
    expect(responses.length).toBeGreaterThan(5);
    for (const response of responses) expect(response).not.toContain(plantedKey);
  });

  it("falls back to the deployment's provider once the workspace's is cleared", async () => {
    const cleared = await asA("llmSettings.clear");
    expect(cleared.body.result.data.provider).toBeNull();
    const tested = await asA("llmSettings.test");
    expect(tested.body.result.data).toMatchObject({ ok: true, provider: "deployment" });
  });
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
