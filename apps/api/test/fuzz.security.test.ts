import { isAppErrorCode } from "@vitae/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../src/router/app-router";
import { startTestApi, type TestApi } from "./harness";
import { createWorkspace, signUp, type TestUser } from "./identity";
import { readJson } from "./json";

/**
 * Hostile input to every procedure of the router (the same list the access matrix walks), sent by a
 * signed-in owner so it reaches validation and the handlers: whatever arrives, the answer is a 4xx (or a
 * 503 when a dependency is busy) in the error contract — never a 500, a stack trace or SQL.
 */
type ProcedureDef = { _def: { type: string; inputs?: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

const deep = (levels: number): unknown => (levels === 0 ? "leaf" : { nested: deep(levels - 1) });

/** Values that break naive handlers: wrong types, extremes, injection shapes, prototype keys. */
const hostileValues: unknown[] = [
  null,
  -1,
  1e308,
  "NaN",
  "",
  "\u0000'; drop table users;--",
  "x".repeat(5_000),
  { $gt: "" },
  [],
  ["a", 1, null],
  "__proto__",
  "0000-01-01T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "00000000-0000-0000-0000-000000000000",
  "\u202Egnp.exe",
  deep(200),
];

/** Whole-input payloads, for procedures with or without an object input. */
const hostileInputs: unknown[] = [
  null,
  [],
  "str",
  123,
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  deep(500),
];

/** The keys of a procedure's object input, read from its zod schema, so each field gets every hostile value. */
function inputKeys(procedure: ProcedureDef): string[] {
  const keys = new Set<string>();
  for (const parser of procedure._def.inputs ?? []) {
    if (parser instanceof z.ZodObject) for (const key of Object.keys(parser.shape)) keys.add(key);
  }
  return [...keys];
}

function payloadsFor(procedure: ProcedureDef): unknown[] {
  const keys = inputKeys(procedure);
  const perField = keys.flatMap((key) => hostileValues.map((value) => ({ [key]: value })));
  const allFields = hostileValues.map((value) => Object.fromEntries(keys.map((key) => [key, value])));
  return [...hostileInputs, ...allFields, ...perField];
}

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Fuzzer");
  await createWorkspace(api, owner, "Fuzzed");
});

afterAll(async () => {
  await api?.cleanup();
});

async function send(path: string, type: string, payload: unknown): Promise<Response> {
  const headers = { cookie: owner.cookie };
  const input = encodeURIComponent(JSON.stringify(payload));
  if (type === "mutation") {
    return fetch(`${api.url}/trpc/${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
  }
  return fetch(`${api.url}/trpc/${path}?input=${input}`, {
    headers,
    signal: AbortSignal.timeout(15_000),
  });
}

/** A subscription answers over SSE: its first event must be data or a contract error, never INTERNAL. */
async function firstSseEvent(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  let text = "";
  const decoder = new TextDecoder();
  while (!/\n\n/.test(text) || !text.includes("data:")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe.each(procedures.map(([path, procedure]) => [path, procedure] as const))("%s", (path, procedure) => {
  it("answers hostile input within the error contract", async () => {
    const type = procedure._def.type;
    for (const payload of payloadsFor(procedure)) {
      const response = await send(path, type, payload);
      const label = `${path} ${JSON.stringify(payload).slice(0, 120)}`;
      expect(response.status, label).not.toBe(500);
      expect([200, 400, 401, 403, 404, 405, 409, 413, 415, 429, 503], label).toContain(response.status);
      if (type === "subscription" && response.status === 200) {
        const event = await firstSseEvent(response);
        expect(event, label).not.toMatch(/INTERNAL_SERVER_ERROR|"stack"|\n\s+at /);
        continue;
      }
      const body = (await readJson(response)) as { error?: { data?: { code?: string; requestId?: string } } };
      if (response.status === 200) continue;
      const data = body.error?.data;
      expect(isAppErrorCode(data?.code), `${label} → ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
      expect(data?.requestId, label).toBe(response.headers.get("x-request-id"));
      expect(JSON.stringify(body), label).not.toMatch(/"stack"|\bat \/|postgres|drizzle|select |insert /i);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
