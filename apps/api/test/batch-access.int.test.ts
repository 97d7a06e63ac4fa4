import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { createWorkspace, signUp, type TestUser } from "./identity";
import { readJson } from "./json";

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
  owner = await signUp(api, "Batcher");
  await createWorkspace(api, owner, "Batched");
});

afterAll(async () => {
  await api?.cleanup();
});

describe("workspace access in a batch", () => {
  it("is read once per request and shared by every call of the batch, and read again next request", async () => {
    let reads = 0;
    const read = api.deps.getWorkspaceAccess;
    api.deps.getWorkspaceAccess = (principal) => {
      reads += 1;
      return read(principal);
    };
    try {
      const paths = ["members.list", "usage.current", "apiKeys.list", "documents.list", "workspaces.list"];
      const input = encodeURIComponent(JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, {}]))));
      const response = await fetch(`${api.url}/trpc/${paths.join(",")}?batch=1&input=${input}`, {
        headers: { cookie: owner.cookie },
      });
      const results = (await readJson(response)) as { result?: unknown }[];
      expect(response.status).toBe(200);
      expect(results.every((entry) => entry.result !== undefined)).toBe(true);
      expect(reads).toBe(1);

      await fetch(`${api.url}/trpc/members.list`, { headers: { cookie: owner.cookie } });
      expect(reads).toBe(2);
    } finally {
      api.deps.getWorkspaceAccess = read;
    }
  });
});
