import { AppError } from "@vitae/errors";
import { createLogger } from "@vitae/logger";
import { describe, expect, it } from "vitest";
import { type LlmClient, type LlmClientConfig, unconfiguredLlmClient } from "../client";
import { createKeyEnvelope } from "./key-envelope";
import { createWorkspaceLlm, type StoredWorkspaceProvider } from "./workspace-llm";

const workspaceId = "0b9a3f3e-5c1e-4d7e-9a3b-1f2e3d4c5b6a";
const oldKek = "old-key-encryption-key-0123456789abcdef";
const newKek = "new-key-encryption-key-0123456789abcdef";
const logger = createLogger({ level: "silent", format: "json", name: "t" });

function setup(row: StoredWorkspaceProvider | undefined, kek: { current: string; previous?: string }) {
  const rows = new Map<string, StoredWorkspaceProvider>();
  if (row) rows.set(workspaceId, row);
  const built: LlmClientConfig[] = [];
  const resolver = createWorkspaceLlm({
    global: unconfiguredLlmClient,
    store: {
      load: async (id) => rows.get(id),
      reseal: async ({ workspaceId: id, previous, next }) => {
        const current = rows.get(id);
        if (current?.apiKeySealed !== previous) return false;
        rows.set(id, { ...current, apiKeySealed: next });
        return true;
      },
    },
    envelope: createKeyEnvelope(kek),
    allowPrivateBaseUrls: true,
    timeoutMs: 1000,
    createClient: (config) => {
      built.push(config);
      return { ...unconfiguredLlmClient, available: true } as LlmClient;
    },
    logger,
  });
  return { resolver, rows, built };
}

describe("createWorkspaceLlm", () => {
  it("uses the deployment's client for a workspace without a provider", async () => {
    const { resolver } = setup(undefined, { current: newKek });
    expect(await resolver.forWorkspace(workspaceId)).toBe(unconfiguredLlmClient);
  });

  it("builds the workspace's client with its opened key, once while the row is unchanged", async () => {
    const sealed = createKeyEnvelope({ current: newKek }).seal("sk-ws", { workspaceId });
    const { resolver, built } = setup(
      { baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKeySealed: sealed },
      { current: newKek },
    );
    const first = await resolver.forWorkspace(workspaceId);
    expect(await resolver.forWorkspace(workspaceId)).toBe(first);
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({
      llmBaseUrl: "http://127.0.0.1:9/v1",
      llmModel: "m",
      llmApiKey: "sk-ws",
    });
  });

  it("re-seals a key of the previous KEK under the current one when it is read", async () => {
    const sealed = createKeyEnvelope({ current: oldKek }).seal("sk-ws", { workspaceId });
    const { resolver, rows, built } = setup(
      { baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKeySealed: sealed },
      { current: newKek, previous: oldKek },
    );
    await resolver.forWorkspace(workspaceId);
    const resealed = rows.get(workspaceId)?.apiKeySealed ?? "";
    expect(resealed).not.toBe(sealed);
    expect(createKeyEnvelope({ current: newKek }).open(resealed, { workspaceId })).toEqual({
      plaintext: "sk-ws",
      stale: false,
    });
    expect(built[0]?.llmApiKey).toBe("sk-ws");
  });

  it("answers LLM_UNAVAILABLE, without key material, when the key cannot be opened", async () => {
    const sealed = createKeyEnvelope({ current: oldKek }).seal("sk-ws", { workspaceId });
    const { resolver } = setup(
      { baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKeySealed: sealed },
      { current: newKek },
    );
    const error = await resolver.forWorkspace(workspaceId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LLM_UNAVAILABLE");
    expect(String((error as AppError).message)).not.toContain("sk-ws");
  });
});
