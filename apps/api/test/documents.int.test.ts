import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  // The upload tier (10 an hour on the free plan) is raised: this file uploads more than that.
  api = await startTestApi({
    env: { UPLOAD_MAX_BYTES_FREE: String(2 * 1024 * 1024), RATE_LIMIT_UPLOAD_FREE: "1000/1h" },
  });
  owner = await signUp(api, "Recruiter");
  await createWorkspace(api, owner, "Talent Co");
});
afterAll(async () => {
  await api?.cleanup();
});

describe("documents: upload → ingest → profile (basic mode)", () => {
  it.each([
    ["marcus-lee.pdfkit.pdf", "Marcus Lee", "Brightline Health"],
    ["ana-souza.docx", "Ana Souza", undefined],
    ["marcus-lee.txt", "Marcus Lee", "Orbital Retail"],
  ])("%s becomes a profile with its facts", async (file, name, company) => {
    const documentId = await uploadDocument(api, owner, file, await fixture(`resumes/${file}`));
    const events = await followDocument(api, owner, documentId);
    const last = events.at(-1);
    expect(last?.status).toBe("ready");
    expect(last?.progress).toBe(100);
    const profile = await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId } });
    expect(profile.status).toBe(200);
    expect(profile.body.result.data.name).toBe(name);
    if (company) {
      expect(profile.body.result.data.experiences.map((e: { company: string }) => e.company)).toContain(
        company,
      );
    }
    expect(profile.body.result.data.experiences.length).toBeGreaterThan(1);
    expect(profile.body.result.data.experiences[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const byId = await call(api, "documents.byId", { cookie: owner.cookie, input: { documentId } });
    expect(byId.body.result.data).toMatchObject({
      status: "ready",
      errorCode: null,
      profileId: profile.body.result.data.id,
    });
  });

  it("finalizing twice ingests once", async () => {
    const documentId = await uploadDocument(api, owner, "again.txt", await fixture("resumes/marcus-lee.txt"));
    const again = await call(api, "documents.finalize", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    expect(again.status).toBe(200);
    const events = await followDocument(api, owner, documentId);
    expect(events.at(-1)?.status).toBe("ready");
    const run = await api.deps.queue.getJobStatus(documentId);
    expect(run.attempts).toBe(1);
  });

  it.each([
    ["renamed-elf.pdf", "EXECUTABLE"],
    ["encrypted.pdf", "ENCRYPTED_PDF"],
    ["scanned.pdf", "NO_TEXT"],
    ["zip-bomb.docx", "ZIP_BOMB"],
    ["truncated.docx", "MALFORMED_FILE"],
    ["polyglot-html-pdf.pdf", "POLYGLOT"],
  ])("rejects hostile %s with %s, and the worker keeps working", async (file, code) => {
    const documentId = await uploadDocument(api, owner, file, await fixture(`hostile/${file}`));
    const events = await followDocument(api, owner, documentId);
    expect(events.at(-1)).toMatchObject({ status: "failed", errorCode: code, profileId: null });
    const profile = await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId } });
    expect(profile.status).toBe(404);
  });

  it("refuses uploads over the plan's cap, with the wrong extension, or never sent", async () => {
    const tooBig = await call(api, "documents.createUpload", {
      cookie: owner.cookie,
      type: "mutation",
      input: { filename: "big.pdf", contentType: "application/pdf", size: 3 * 1024 * 1024 },
    });
    expect(tooBig.status).toBe(413);
    const mismatch = await call(api, "documents.createUpload", {
      cookie: owner.cookie,
      type: "mutation",
      input: { filename: "cv.exe", contentType: "application/pdf", size: 100 },
    });
    expect(mismatch.body.error.data.code).toBe("VALIDATION_FAILED");
    const created = await call(api, "documents.createUpload", {
      cookie: owner.cookie,
      type: "mutation",
      input: { filename: "cv.pdf", contentType: "application/pdf", size: 100 },
    });
    const { documentId, upload } = created.body.result.data;
    const notSent = await call(api, "documents.finalize", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    expect(notSent.body.error.data.code).toBe("CONFLICT");
    const wrongType = await fetch(upload.url, {
      method: "PUT",
      headers: { ...upload.headers, "content-type": "text/html" },
      body: Buffer.alloc(100),
    });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
  });

  it("lists, downloads and deletes (objects and derived rows), giving the bytes back to the quota", async () => {
    const bytes = await fixture("resumes/marcus-lee.txt");
    const documentId = await uploadDocument(api, owner, "to-delete.txt", bytes);
    await followDocument(api, owner, documentId);
    const listed = await call(api, "documents.list", { cookie: owner.cookie, input: { limit: 100 } });
    expect(listed.body.result.data.items.map((d: { id: string }) => d.id)).toContain(documentId);
    const download = await call(api, "documents.download", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    const file = await fetch(download.body.result.data.url);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    const before = (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.storedBytes
      .used;
    const removed = await call(api, "documents.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    expect(removed.status).toBe(200);
    expect((await call(api, "documents.byId", { cookie: owner.cookie, input: { documentId } })).status).toBe(
      404,
    );
    expect(
      (await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId } })).status,
    ).toBe(404);
    expect((await fetch(download.body.result.data.url)).status).toBe(404);
    const after = (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.storedBytes
      .used;
    expect(before - after).toBe(bytes.length);
    const audit = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "documents.delete" },
    });
    expect(audit.body.result.data.items).toHaveLength(1);
  });

  it("lets a member correct the profile", async () => {
    const documentId = await uploadDocument(api, owner, "fix.txt", await fixture("resumes/marcus-lee.txt"));
    await followDocument(api, owner, documentId);
    const profile = (await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId } }))
      .body.result.data;
    const experienceId = profile.experiences[0].id;
    const updated = await call(api, "profiles.update", {
      cookie: owner.cookie,
      type: "mutation",
      input: {
        profileId: profile.id,
        patch: {
          headline: "Staff Data Engineer",
          experiences: [{ id: experienceId, title: "Staff Engineer" }],
        },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.result.data.headline).toBe("Staff Data Engineer");
    expect(updated.body.result.data.experiences[0].title).toBe("Staff Engineer");
  });
});
