import { startInMemoryTracing } from "@vitae/tracing/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

// Registered before the API starts, as main.ts does: the provider is process-global.
const tracing = await startInMemoryTracing("vitae-api-test");

const plantedEmail = "trace-canary-7f3a@example.org";
const plantedPhrase = "Zanzibar Quasar Logistics";
const resume = [
  "Odalys Trace-Canary",
  plantedEmail,
  "",
  "Experience",
  `Senior Engineer, ${plantedPhrase}, 2019 – present`,
  "- Built the canary pipeline in TypeScript",
  "",
  "Skills",
  "TypeScript, PostgreSQL",
].join("\n");

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Tracer");
  await createWorkspace(api, owner, "Trace Co");
});
afterAll(async () => {
  await api?.cleanup();
  await tracing.shutdown();
});

async function spansUntil(found: (names: string[]) => boolean) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const spans = await tracing.spans();
    if (found(spans.map((span) => span.name))) return spans;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`spans never appeared: ${(await tracing.spans()).map((span) => span.name).join(", ")}`);
}

describe("one trace from the request to the worker", () => {
  it("joins upload → finalize → ingest in one trace, and no span carries résumé text or credentials", async () => {
    tracing.reset();
    const documentId = await uploadDocument(api, owner, "canary.txt", Buffer.from(resume));
    const spans = await spansUntil((names) => names.some((name) => /process documents/.test(name)));

    const finalize = spans.find((span) => span.name === "trpc documents.finalize");
    expect(finalize, spans.map((s) => s.name).join(", ")).toBeDefined();
    const traceId = finalize?.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const names = inTrace.map((span) => span.name);
    // The HTTP server span, the procedure, BullMQ's producer span and the worker's consumer span.
    expect(names).toContain("POST /trpc/:path");
    expect(names.some((name) => /^add documents/.test(name))).toBe(true);
    const worker = inTrace.find((span) => /^process documents/.test(span.name));
    expect(worker, names.join(", ")).toBeDefined();

    const profile = await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId } });
    expect(profile.body.result?.data?.name ?? "").toContain("Odalys");

    const everything = JSON.stringify(
      (await tracing.spans()).map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        resource: span.resource.attributes,
      })),
    );
    const sessionToken = decodeURIComponent(owner.cookie.split("=").slice(1).join("=").split(";")[0] ?? "");
    for (const secret of [
      plantedEmail,
      plantedPhrase,
      "canary pipeline",
      owner.email,
      owner.password,
      sessionToken,
    ]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(everything).not.toContain(secret);
    }
  }, 180_000);

  it("writes trace_id and span_id on the log lines of a traced request", async () => {
    const lines = api
      .logLines()
      .filter((line) => line.msg === "request" && typeof line.trace_id === "string");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]?.span_id).toMatch(/^[0-9a-f]{16}$/);
  });
});
