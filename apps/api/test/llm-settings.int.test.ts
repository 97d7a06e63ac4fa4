import type { TestLlmServer } from "@vitae/llm/testing";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { bearersOf, globalKey, plantedKey, useByokWorld } from "./llm-settings-support";

const world = useByokWorld();
const { responses, asA, rowsOf } = world;
let globalLlm: TestLlmServer;
let workspaceLlm: TestLlmServer;
let api: TestApi;
let ownerA: TestUser;
let ownerB: TestUser;
beforeAll(() => {
  ({ globalLlm, workspaceLlm, api, ownerA, ownerB } = world);
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
