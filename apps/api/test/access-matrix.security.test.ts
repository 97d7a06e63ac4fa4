import { scopes } from "@vitae/auth";
import { apiKeys } from "@vitae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/router/app-router";
import type { ProcedureMeta } from "../src/trpc/procedure-meta";
import { fixture, followDocument, uploadDocument } from "./documents";
import { exportProfile } from "./exports";
import { startTestApi, type TestApi } from "./harness";
import {
  addMember,
  type Credentials,
  call,
  createKey,
  createWorkspace,
  signUp,
  type TestUser,
} from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";
import { readTrpcSse } from "./sse";

/**
 * The security matrix, generated from the router: every procedure's declared access (its meta) decides
 * which denials it must produce. A new procedure without an entry in `inputs` fails this file, so
 * nobody can add an endpoint without it being attacked here.
 */
interface World {
  ownerA: TestUser;
  viewerA: TestUser;
  memberA: TestUser;
  ownerB: TestUser;
  keys: { narrow: string; wide: string; revoked: string; expired: string };
  keyIdA: string;
  documentIdA: string;
  profileIdA: string;
  sessionIdA: string;
  shareLinkIdA: string;
  postingIdA: string;
  importIdA: string;
  mappingIdA: string;
  importExportIdA: string;
  exportIdA: string;
  tailoringIdA: string;
  rankingIdA: string;
}

type Fixture = {
  /** A valid input (denials are checked with it, so a rejection cannot come from validation). */
  input: (world: World) => unknown;
  /** Input naming a record of workspace A; called from workspace B it must be NOT_FOUND. */
  foreign?: (world: World) => unknown;
};

const inputs: Record<string, Fixture> = {
  "system.status": { input: () => undefined },
  "system.selfTest": { input: () => undefined },
  "system.selfTestResult": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "system.selfTestProgress": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "auth.me": { input: () => undefined },
  "workspaces.list": { input: () => undefined },
  "workspaces.create": { input: () => ({ name: "Matrix" }) },
  "workspaces.rename": { input: () => ({ name: "Renamed" }) },
  "workspaces.switch": {
    input: (w) => ({ workspaceId: w.keyIdA }),
    foreign: (w) => ({ workspaceId: w.keyIdA }),
  },
  "members.list": { input: () => undefined },
  "members.invite": { input: () => ({ email: "invitee@example.com", role: "member" }) },
  "members.updateRole": {
    input: (w) => ({ userId: w.memberA.userId, role: "viewer" }),
    foreign: (w) => ({ userId: w.memberA.userId, role: "viewer" }),
  },
  "members.remove": {
    input: (w) => ({ userId: w.memberA.userId }),
    foreign: (w) => ({ userId: w.memberA.userId }),
  },
  "apiKeys.list": { input: () => undefined },
  "apiKeys.create": { input: () => ({ name: "matrix", scopes: ["usage:read"] }) },
  "apiKeys.revoke": { input: (w) => ({ apiKeyId: w.keyIdA }), foreign: (w) => ({ apiKeyId: w.keyIdA }) },
  "llmSettings.get": { input: () => undefined },
  "llmSettings.set": {
    input: () => ({ baseUrl: "https://203.0.113.10/v1", model: "m", apiKey: { value: "sk-matrix" } }),
  },
  "llmSettings.clear": { input: () => undefined },
  "llmSettings.test": { input: () => undefined },
  "audit.list": { input: () => ({}) },
  "usage.current": { input: () => undefined },
  "usage.history": { input: () => ({ months: 3 }) },
  "usage.dashboard": { input: () => ({ days: 7 }) },
  "documents.createUpload": {
    input: () => ({ filename: "cv.pdf", contentType: "application/pdf", size: 100 }),
  },
  "documents.finalize": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.list": { input: () => ({ query: "marcus", statuses: ["ready"], kinds: ["pdf"] }) },
  "documents.byId": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.source": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.progress": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.download": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.delete": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.reingest": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "profiles.byId": {
    input: (w) => ({ profileId: w.profileIdA }),
    foreign: (w) => ({ profileId: w.profileIdA }),
  },
  "profiles.byDocument": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "profiles.update": {
    input: (w) => ({ profileId: w.profileIdA, patch: { headline: "Edited" } }),
    foreign: (w) => ({ profileId: w.profileIdA, patch: { headline: "Edited" } }),
  },
  "profiles.revert": {
    input: (w) => ({ profileId: w.profileIdA, expectedVersion: "stale", patch: { headline: "Edited" } }),
    foreign: (w) => ({ profileId: w.profileIdA, expectedVersion: "stale", patch: { headline: "Edited" } }),
  },
  "profiles.attest": {
    input: (w) => ({ profileId: w.profileIdA, skill: "Kubernetes" }),
    foreign: (w) => ({ profileId: w.profileIdA, skill: "Kubernetes" }),
  },
  "chat.ask": {
    input: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
    foreign: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
  },
  "chat.stream": {
    input: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
    foreign: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
  },
  "chat.history": {
    input: (w) => ({ sessionId: w.sessionIdA }),
    foreign: (w) => ({ sessionId: w.sessionIdA }),
  },
  "chat.reset": {
    input: (w) => ({ sessionId: w.sessionIdA }),
    foreign: (w) => ({ sessionId: w.sessionIdA }),
  },
  "chat.createVoiceUpload": { input: () => ({ contentType: "audio/wav", size: 1000 }) },
  "chat.askVoice": {
    input: (w) => ({ profileId: w.profileIdA, uploadId: "2026112500-6f1d1b0e-0000-4000-8000-000000000000" }),
  },
  "shareLinks.create": {
    input: (w) => ({ profileId: w.profileIdA }),
    foreign: (w) => ({ profileId: w.profileIdA }),
  },
  "shareLinks.list": { input: () => ({}) },
  "shareLinks.update": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA, showContact: false }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA, showContact: false }),
  },
  "shareLinks.revoke": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA }),
  },
  "shareLinks.insights": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA }),
  },
  "public.profile": { input: () => ({ token: "vs_unknown-token-000000" }) },
  "public.ask": { input: () => ({ token: "vs_unknown-token-000000", question: "Hi" }) },
  "public.stream": { input: () => ({ token: "vs_unknown-token-000000", question: "Hi" }) },
  "outbox.list": { input: () => undefined },
  "operations.queues": { input: () => undefined },
  "operations.retryJob": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "operations.discardJob": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "postings.create": { input: () => ({ text: "Requirements\n- Python" }) },
  "postings.byId": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "postings.list": { input: () => ({}) },
  "postings.delete": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.score": {
    input: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
    foreign: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
  },
  "matches.rank": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.ranking": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.rankProgress": {
    input: (w) => ({ rankingId: w.rankingIdA }),
    foreign: (w) => ({ rankingId: w.rankingIdA }),
  },
  "tailoring.propose": {
    input: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
    foreign: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
  },
  "tailoring.byId": {
    input: (w) => ({ tailoringId: w.tailoringIdA }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA }),
  },
  "tailoring.progress": {
    input: (w) => ({ tailoringId: w.tailoringIdA }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA }),
  },
  "tailoring.confirm": {
    input: (w) => ({ tailoringId: w.tailoringIdA, acceptedChangeIds: [], baseHash: "0".repeat(64) }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA, acceptedChangeIds: [], baseHash: "0".repeat(64) }),
  },
  "imports.createUpload": {
    input: () => ({ filename: "people.csv", contentType: "text/csv", size: 100, entity: "employee" }),
  },
  "imports.finalize": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.byId": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.list": { input: () => ({}) },
  "imports.setMapping": {
    input: (w) => ({ importId: w.importIdA, mapping: [{ column: "Name", field: "fullName" }] }),
    foreign: (w) => ({ importId: w.importIdA, mapping: [{ column: "Name", field: "fullName" }] }),
  },
  "imports.chooseSheet": {
    input: (w) => ({ importId: w.importIdA, sheet: "People" }),
    foreign: (w) => ({ importId: w.importIdA, sheet: "People" }),
  },
  "imports.delete": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "exports.create": {
    input: (w) => ({ profileId: w.profileIdA, format: "html" }),
    foreign: (w) => ({ profileId: w.profileIdA, format: "html" }),
  },
  "exports.byId": {
    input: (w) => ({ exportId: w.exportIdA }),
    foreign: (w) => ({ exportId: w.exportIdA }),
  },
  "exports.progress": {
    input: (w) => ({ exportId: w.exportIdA }),
    foreign: (w) => ({ exportId: w.exportIdA }),
  },
  "imports.progress": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.validate": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.rows": {
    input: (w) => ({ importId: w.importIdA, filter: "errors" }),
    foreign: (w) => ({ importId: w.importIdA, filter: "all" }),
  },
  "imports.fix": {
    input: (w) => ({ importId: w.importIdA, field: "fullName", transform: "titleCase" }),
    foreign: (w) => ({ importId: w.importIdA, field: "fullName", transform: "titleCase" }),
  },
  "imports.export": {
    input: (w) => ({ importId: w.importIdA, format: "csv", invalidRows: "exclude" }),
    foreign: (w) => ({ importId: w.importIdA, format: "xml", invalidRows: "include" }),
  },
  "imports.downloadRejected": {
    input: (w) => ({ exportId: w.importExportIdA }),
    foreign: (w) => ({ exportId: w.importExportIdA }),
  },
  "imports.mappings.list": { input: () => ({}) },
  "imports.mappings.delete": {
    input: (w) => ({ mappingId: w.mappingIdA }),
    foreign: (w) => ({ mappingId: w.mappingIdA }),
  },
};

type ProcedureDef = { _def: { type: string; meta?: ProcedureMeta } };
const procedureRecord = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const procedures = Object.entries(procedureRecord);

let api: TestApi;
let world: World;
let workspaceA: string;

beforeAll(async () => {
  api = await startTestApi();
  const ownerA = await signUp(api, "OwnerA");
  workspaceA = await createWorkspace(api, ownerA, "Workspace A");
  const viewerA = await signUp(api, "ViewerA");
  await addMember(api, ownerA, viewerA, "viewer");
  const memberA = await signUp(api, "MemberA");
  await addMember(api, ownerA, memberA, "member");
  const ownerB = await signUp(api, "OwnerB");
  await createWorkspace(api, ownerB, "Workspace B");
  const narrow = await createKey(api, ownerA, ["usage:read"]);
  const wide = await createKey(
    api,
    ownerA,
    scopes.filter((scope) => scope !== "usage:read"),
  );
  const revoked = await createKey(api, ownerA, [...scopes]);
  await call(api, "apiKeys.revoke", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { apiKeyId: revoked.id },
  });
  const expired = await createKey(api, ownerA, [...scopes]);
  await api.deps.db
    .update(apiKeys)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(apiKeys.id, expired.id));
  const documentIdA = await uploadDocument(api, ownerA, "a.txt", await fixture("resumes/marcus-lee.txt"));
  const ingested = await followDocument(api, ownerA, documentIdA);
  const profileIdA = ingested.at(-1)?.profileId ?? "";
  const asked = await call(api, "chat.ask", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { profileId: profileIdA, question: "Where does he work?" },
  });
  const link = await call(api, "shareLinks.create", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { profileId: profileIdA },
  });
  const posting = await call(api, "postings.create", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { text: "Requirements\n- Python\n- Kubernetes" },
  });
  const tailoring = await call(api, "tailoring.propose", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { profileId: profileIdA, postingId: posting.body.result.data.postingId },
  });
  const ranked = await call(api, "matches.rank", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { postingId: posting.body.result.data.postingId },
  });
  const importIdA = await uploadImport(api, ownerA, "people.csv", Buffer.from("Employee ID,Name\n1,Ana\n"));
  const exportIdA = await exportProfile(api, ownerA, { profileId: profileIdA, format: "html" });
  const analysed = await settledImport(api, ownerA, importIdA);
  await call(api, "imports.setMapping", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: {
      importId: importIdA,
      mapping: analysed.mapping.map((entry: { column: string; field: string | null }) => ({
        column: entry.column,
        field: entry.field,
      })),
    },
  });
  const memory = await call(api, "imports.mappings.list", { cookie: ownerA.cookie, input: {} });
  const validation = await call(api, "imports.validate", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { importId: importIdA },
  });
  await settledRun(api, validation.body.result.data.jobRunId);
  const exported = await call(api, "imports.export", {
    cookie: ownerA.cookie,
    type: "mutation",
    input: { importId: importIdA, format: "csv" },
  });
  const importExportIdA: string = exported.body.result.data.exportId;
  await settledRun(api, importExportIdA);
  world = {
    importExportIdA,
    importIdA,
    mappingIdA: memory.body.result.data.items[0].id,
    exportIdA,
    tailoringIdA: tailoring.body.result.data.tailoringId,
    rankingIdA: ranked.body.result.data.rankingId,
    postingIdA: posting.body.result.data.postingId,
    sessionIdA: asked.body.result.data.sessionId,
    shareLinkIdA: link.body.result.data.id,
    documentIdA,
    profileIdA,
    ownerA,
    viewerA,
    memberA,
    ownerB,
    keys: { narrow: narrow.key, wide: wide.key, revoked: revoked.key, expired: expired.key },
    keyIdA: narrow.id,
  };
});

afterAll(async () => {
  await api?.cleanup();
});

async function expectCode(
  path: string,
  type: string,
  credentials: Credentials,
  input: unknown,
  status: number,
  code: string,
) {
  if (type === "subscription") {
    // A subscription answers over SSE: the denial arrives as its first (and only) event.
    const headers: Record<string, string> = {
      ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
      ...(credentials.key ? { authorization: `Bearer ${credentials.key}` } : {}),
    };
    const url = `${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const first = (await readTrpcSse(url, AbortSignal.timeout(10_000), headers).next()).value;
    expect(first, `${path} subscription`).toMatchObject({ kind: "error", error: { data: { code } } });
    return;
  }
  const result = await call(api, path, {
    ...credentials,
    type: type === "mutation" ? "mutation" : "query",
    input,
  });
  expect(
    result.status,
    `${path} as ${JSON.stringify(Object.keys(credentials))}: ${JSON.stringify(result.body)}`,
  ).toBe(status);
  expect(result.body.error.data.code).toBe(code);
  expect(result.body.error.data.requestId).toBe(result.headers.get("x-request-id"));
}

describe("every procedure declares its access and has a matrix fixture", () => {
  it.each(procedures.map(([path]) => [path]))("%s", (path) => {
    expect(procedureRecord[path]?._def.meta?.access, `${path} has no access meta`).toBeDefined();
    expect(inputs[path], `${path} has no fixture in access-matrix.security.test.ts`).toBeDefined();
  });
});

const guarded = procedures.filter(([, procedure]) => procedure._def.meta?.access.kind !== "public");

describe.each(guarded.map(([path, procedure]) => [path, procedure]))("%s", (path, procedure) => {
  const access = procedure._def.meta?.access;
  const type = procedure._def.type;
  const fixture = inputs[path] as Fixture;

  it("unauthenticated → 401", async () => {
    await expectCode(path, type, {}, fixture.input(world), 401, "UNAUTHENTICATED");
  });

  it("revoked or expired API key → 401; garbage credentials → 401", async () => {
    await expectCode(path, type, { key: world.keys.revoked }, fixture.input(world), 401, "UNAUTHENTICATED");
    await expectCode(path, type, { key: world.keys.expired }, fixture.input(world), 401, "UNAUTHENTICATED");
    await expectCode(path, type, { key: "vk_forged_0000" }, fixture.input(world), 401, "UNAUTHENTICATED");
    await expectCode(
      path,
      type,
      { cookie: "vitae.session_token=forged.value" },
      fixture.input(world),
      401,
      "UNAUTHENTICATED",
    );
  });

  if (
    access?.kind === "session" ||
    access?.kind === "operator" ||
    (access?.kind === "workspace" && access.sessionOnly)
  ) {
    it("any API key → 403 (sessions only)", async () => {
      await expectCode(path, type, { key: world.keys.wide }, fixture.input(world), 403, "FORBIDDEN");
    });
  }

  if (access?.kind === "operator") {
    // ownerA signed up first and operates the instance; viewerA and ownerB do not.
    it("a user who does not operate the instance → 403", async () => {
      await expectCode(path, type, { cookie: world.ownerB.cookie }, fixture.input(world), 403, "FORBIDDEN");
      await expectCode(path, type, { cookie: world.viewerA.cookie }, fixture.input(world), 403, "FORBIDDEN");
    });
  }

  if (access?.kind === "workspace") {
    it("API key without the scope → 403", async () => {
      const outOfScope = access.scope === "usage:read" ? world.keys.wide : world.keys.narrow;
      await expectCode(path, type, { key: outOfScope }, fixture.input(world), 403, "FORBIDDEN");
    });

    if (access.role !== "viewer") {
      it(`role below ${access.role} → 403`, async () => {
        await expectCode(
          path,
          type,
          { cookie: world.viewerA.cookie },
          fixture.input(world),
          403,
          "FORBIDDEN",
        );
      });
    }
  }

  if (fixture.foreign) {
    it("another workspace's record → 404", async () => {
      await expectCode(
        path,
        type,
        { cookie: world.ownerB.cookie },
        fixture.foreign?.(world),
        404,
        "NOT_FOUND",
      );
    });
  }
});

describe("tenant isolation in reads", () => {
  it("a workspace's lists never show another workspace's rows", async () => {
    const members = await call(api, "members.list", { cookie: world.ownerB.cookie });
    const emails = members.body.result.data.members.map((m: { email: string }) => m.email);
    expect(emails).toEqual([world.ownerB.email]);
    const keys = await call(api, "apiKeys.list", { cookie: world.ownerB.cookie });
    expect(keys.body.result.data).toEqual([]);
    const audit = await call(api, "audit.list", { cookie: world.ownerB.cookie, input: {} });
    for (const item of audit.body.result.data.items) expect(item.actorId).not.toBe(world.ownerA.userId);
  });

  it("a removed member loses the workspace on their very next request", async () => {
    const temp = await signUp(api, "Temp");
    await addMember(api, world.ownerA, temp, "member");
    expect((await call(api, "members.list", { cookie: temp.cookie })).status).toBe(200);
    await call(api, "members.remove", {
      cookie: world.ownerA.cookie,
      type: "mutation",
      input: { userId: temp.userId },
    });
    await expectCode("members.list", "query", { cookie: temp.cookie }, undefined, 403, "FORBIDDEN");
  });

  it("the workspace comes from the principal, not from input", async () => {
    const result = await call(api, "members.list", {
      cookie: world.ownerB.cookie,
      input: { workspaceId: workspaceA },
    });
    expect(result.status).toBeLessThan(500);
    if (result.status === 200) {
      expect(result.body.result.data.members.map((m: { email: string }) => m.email)).not.toContain(
        world.ownerA.email,
      );
    }
  });
});
