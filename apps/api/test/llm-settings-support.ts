import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { type CallResult, call, createWorkspace, signUp, type TestUser } from "./identity";

/**
 * Bring-your-own provider: workspace A sets its own OpenAI-compatible server and a distinctive key; its
 * answers and parses go there with that key as bearer, workspace B keeps the deployment's provider, and
 * the key is then searched for in every table, every log line and every response: never found.
 */
export const plantedKey = "sk-byok-PLANTED-7c1e94d2a8b35f60";
export const globalKey = "global-llm-key-0123456789";
export const kek = "test-key-encryption-key-0123456789abcdef";
// Shared with the second instance below, so one sign-in works on both.
export const authSecret = "byok-test-auth-secret-0123456789abcdef";

export const bearersOf = (server: TestLlmServer) =>
  server.requestsTo("/chat/completions").map((request) => request.headers.authorization);

/** Two LLM servers (the deployment's and workspace A's), the API, both owners and what A was answered. */
export interface ByokWorld {
  globalLlm: TestLlmServer;
  workspaceLlm: TestLlmServer;
  api: TestApi;
  ownerA: TestUser;
  ownerB: TestUser;
  /** Every response body seen by the tests, searched for the planted key. */
  responses: string[];
  /** Calls `path` as workspace A's owner and records the response. */
  asA: (path: string, input?: unknown, type?: "query" | "mutation") => Promise<CallResult>;
  /** Rows of a raw query (postgres.js answers an array, PGlite `{ rows }`). */
  rowsOf: <T>(query: SQL) => Promise<T[]>;
}

/** Starts both LLM servers, the API and the two workspaces before the file's tests; closes them after. */
export function useByokWorld(): ByokWorld {
  const world = { responses: [] as string[] } as ByokWorld;
  const recorded = async (result: Promise<CallResult>): Promise<CallResult> => {
    const settled = await result;
    world.responses.push(JSON.stringify(settled.body));
    return settled;
  };
  world.asA = (path, input, type = "mutation") =>
    recorded(
      call(world.api, path, {
        cookie: world.ownerA.cookie,
        type,
        ...(input === undefined ? {} : { input }),
      }),
    );
  world.rowsOf = async <T>(query: SQL): Promise<T[]> => {
    const result = (await world.api.deps.db.execute(query)) as unknown;
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  };
  beforeAll(async () => {
    world.globalLlm = await startTestLlmServer({ apiKey: globalKey });
    world.workspaceLlm = await startTestLlmServer({ apiKey: plantedKey });
    // Parsing asks for JSON; prose makes it fall back to the heuristic parser after reaching the provider.
    for (const server of [world.globalLlm, world.workspaceLlm])
      server.setFallback(() => ({ type: "chat", content: "prose" }));
    world.api = await startTestApi({
      env: {
        LLM_BASE_URL: world.globalLlm.url,
        LLM_MODEL: "global-model",
        LLM_API_KEY: globalKey,
        LLM_KEY_ENCRYPTION_KEY: kek,
        AUTH_SECRET: authSecret,
        // The workspace's server listens on loopback.
        LLM_ALLOW_PRIVATE_BASE_URLS: "true",
        RATE_LIMIT_UPLOAD_FREE: "1000/1h",
      },
    });
    world.ownerA = await signUp(world.api, "ByokA");
    await createWorkspace(world.api, world.ownerA, "BYOK A");
    world.ownerB = await signUp(world.api, "ByokB");
    await createWorkspace(world.api, world.ownerB, "BYOK B");
  });
  afterAll(async () => {
    await world.api?.cleanup();
    await world.globalLlm?.close();
    await world.workspaceLlm?.close();
  });
  return world;
}
