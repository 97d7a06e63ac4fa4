import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestDocument } from "./documents-fixtures";
import { insertTestUser } from "./identity-fixtures";
import {
  type AuditEventItem,
  createWorkspaceWithOwner,
  deleteDocument,
  insertApiKey,
  insertAuditEvent,
  listAuditEvents,
  removeMember,
} from "./index";
import { workspaceMembers } from "./schema";
import { testDrivers } from "./test-drivers";

type Names = Pick<AuditEventItem, "actorName" | "actorEmail" | "targetName" | "targetEmail">;

describe.each(testDrivers)("audit log display names on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  /** A workspace with a named owner, a named member, an API key and a document. */
  async function namedWorkspace(label: string) {
    const owner = await insertTestUser(db, { name: `${label} Owner` });
    const member = await insertTestUser(db, { name: `${label} Member` });
    const workspace = await createWorkspaceWithOwner(db, { name: label, ownerId: owner.id });
    await db
      .insert(workspaceMembers)
      .values({ workspaceId: workspace.id, userId: member.id, role: "member" });
    const prefix = randomBytes(6).toString("hex");
    const key = await insertApiKey(db, {
      workspaceId: workspace.id,
      createdBy: owner.id,
      name: `${label} deploy key`,
      prefix,
      hash: createHash("sha256").update(prefix).digest("hex"),
      scopes: ["documents:write"],
      expiresAt: null,
    });
    const document = await insertTestDocument(db, workspace.id, {
      filename: `${label.toLowerCase()}-cv.pdf`,
    });
    return { workspace, owner, member, key, document };
  }

  /** The names `listAuditEvents` resolves for each action, oldest first. */
  async function namesByAction(workspaceId: string): Promise<Record<string, Names>> {
    const { items } = await listAuditEvents(db, { workspaceId });
    return Object.fromEntries(
      items.map((item) => [
        item.action,
        {
          actorName: item.actorName,
          actorEmail: item.actorEmail,
          targetName: item.targetName,
          targetEmail: item.targetEmail,
        },
      ]),
    );
  }

  it("names members, keys and documents of the workspace, and nothing of another workspace", async () => {
    const ours = await namedWorkspace("Ours");
    const theirs = await namedWorkspace("Theirs");
    const event = (
      action: string,
      actor: { actorType: "user" | "apiKey"; actorId: string },
      target: { targetType: string; targetId: string; metadata?: Record<string, unknown> },
    ) => insertAuditEvent(db, { workspaceId: ours.workspace.id, action, ...actor, ...target });
    const byOwner = { actorType: "user", actorId: ours.owner.id } as const;

    await event("t.member", byOwner, { targetType: "user", targetId: ours.member.id });
    await event(
      "t.document",
      { actorType: "apiKey", actorId: ours.key.id },
      { targetType: "document", targetId: ours.document.id },
    );
    // Ids that belong to the other workspace, planted in ours: none of their names may come back.
    await event(
      "t.foreign-user",
      { actorType: "user", actorId: theirs.owner.id },
      { targetType: "user", targetId: theirs.member.id },
    );
    await event(
      "t.foreign-document",
      { actorType: "apiKey", actorId: theirs.key.id },
      { targetType: "document", targetId: theirs.document.id, metadata: {} },
    );
    await event("t.malformed", byOwner, { targetType: "user", targetId: "not-a-uuid" });
    await event("t.key-as-document", byOwner, { targetType: "document", targetId: ours.key.id });

    expect(await namesByAction(ours.workspace.id)).toEqual({
      "t.member": {
        actorName: "Ours Owner",
        actorEmail: ours.owner.email,
        targetName: "Ours Member",
        targetEmail: ours.member.email,
      },
      "t.document": {
        actorName: "Ours deploy key",
        actorEmail: null,
        targetName: "ours-cv.pdf",
        targetEmail: null,
      },
      "t.foreign-user": { actorName: null, actorEmail: null, targetName: null, targetEmail: null },
      "t.foreign-document": { actorName: null, actorEmail: null, targetName: null, targetEmail: null },
      "t.malformed": {
        actorName: "Ours Owner",
        actorEmail: ours.owner.email,
        targetName: null,
        targetEmail: null,
      },
      "t.key-as-document": {
        actorName: "Ours Owner",
        actorEmail: ours.owner.email,
        targetName: null,
        targetEmail: null,
      },
    });
  });

  it("keeps a deleted document's recorded name and stops naming a removed member", async () => {
    const ours = await namedWorkspace("Later");
    await insertAuditEvent(db, {
      workspaceId: ours.workspace.id,
      actorType: "user",
      actorId: ours.member.id,
      action: "documents.delete",
      targetType: "document",
      targetId: ours.document.id,
      metadata: { filename: ours.document.filename },
    });
    await deleteDocument(db, { workspaceId: ours.workspace.id, documentId: ours.document.id });
    await removeMember(db, { workspaceId: ours.workspace.id, userId: ours.member.id });

    expect((await namesByAction(ours.workspace.id))["documents.delete"]).toEqual({
      actorName: null,
      actorEmail: null,
      targetName: ours.document.filename,
      targetEmail: null,
    });
  });
});
