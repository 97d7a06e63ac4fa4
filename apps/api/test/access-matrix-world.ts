import { scopes } from "@vitae/auth";
import { apiKeys } from "@vitae/db";
import { eq } from "drizzle-orm";
import { fixture, followDocument, uploadDocument } from "./documents";
import { exportProfile } from "./exports";
import type { TestApi } from "./harness";
import { addMember, call, createKey, createWorkspace, signUp, type TestUser } from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";

/**
 * The records the access matrix attacks: two workspaces, users of every role, API keys in every state,
 * and one record of workspace A for each router that names records by id.
 */
export interface World {
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

export type Fixture = {
  /** A valid input (denials are checked with it, so a rejection cannot come from validation). */
  input: (world: World) => unknown;
  /** Input naming a record of workspace A; called from workspace B it must be NOT_FOUND. */
  foreign?: (world: World) => unknown;
};

/** Builds the matrix world on a started API: what every access-matrix file's denials are checked against. */
export async function buildWorld(api: TestApi): Promise<{ world: World; workspaceA: string }> {
  const ownerA = await signUp(api, "OwnerA");
  const workspaceA = await createWorkspace(api, ownerA, "Workspace A");
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
  const world: World = {
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
  return { world, workspaceA };
}
