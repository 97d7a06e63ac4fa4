import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAMonth, insertTestProfile } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import {
  createShareLink,
  findShareLinkByToken,
  generateShareLinkToken,
  getShareLink,
  hashShareLinkToken,
  listShareLinks,
  revokeShareLink,
  touchShareLinkUsed,
  updateShareLink,
} from "./index";
import { shareLinks } from "./schema";
import { testDrivers } from "./test-drivers";

describe("share-link tokens", () => {
  it("are vs_ plus 32 random bytes in base64url, hashed with SHA-256", () => {
    const token = generateShareLinkToken();
    expect(token).toMatch(/^vs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    expect(generateShareLinkToken()).not.toBe(token);
    expect(hashShareLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each(testDrivers)("share links on $kind", ({ open }) => {
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

  it("stores only the token's hash and finds a live link by its token", async () => {
    const { workspaceId, ownerId, profileId } = await insertTestProfile(db);
    const expiresAt = inAMonth();
    const { link, token } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      label: "Recruiters",
      expiresAt,
    });
    expect(link).toMatchObject({
      profileId,
      label: "Recruiters",
      createdBy: ownerId,
      revokedAt: null,
      expiresAt,
      showContact: false,
    });
    expect(JSON.stringify(link)).not.toContain(token);
    const [stored] = await db
      .select({ tokenHash: shareLinks.tokenHash })
      .from(shareLinks)
      .where(eq(shareLinks.id, link.id));
    expect(stored?.tokenHash).toBe(hashShareLinkToken(token));
    await expect(findShareLinkByToken(db, { token })).resolves.toEqual({
      id: link.id,
      workspaceId,
      profileId,
      label: "Recruiters",
      expiresAt,
      lastUsedAt: null,
      showContact: false,
    });
  });

  it("refuses unknown, malformed, revoked and expired tokens alike", async () => {
    const { workspaceId, ownerId, profileId } = await insertTestProfile(db);
    const base = { workspaceId, profileId, createdBy: ownerId, expiresAt: inAMonth() };
    await expect(findShareLinkByToken(db, { token: generateShareLinkToken() })).resolves.toBeUndefined();
    for (const token of [
      "",
      "vs_",
      "vs_short",
      `vk_${"a".repeat(43)}`,
      `vs_${"a".repeat(42)}!`,
      "x".repeat(5000),
    ]) {
      await expect(findShareLinkByToken(db, { token })).resolves.toBeUndefined();
    }
    const revoked = await createShareLink(db, base);
    await revokeShareLink(db, { workspaceId, shareLinkId: revoked.link.id });
    await expect(findShareLinkByToken(db, { token: revoked.token })).resolves.toBeUndefined();

    const expiresAt = new Date("2030-01-01T00:00:00.000Z");
    const expiring = await createShareLink(db, { ...base, expiresAt });
    const before = new Date(expiresAt.getTime() - 1);
    expect((await findShareLinkByToken(db, { token: expiring.token, now: before }))?.id).toBe(
      expiring.link.id,
    );
    await expect(
      findShareLinkByToken(db, { token: expiring.token, now: expiresAt }),
    ).resolves.toBeUndefined();
    const expired = await createShareLink(db, { ...base, expiresAt: new Date(Date.now() - 1000) });
    await expect(findShareLinkByToken(db, { token: expired.token })).resolves.toBeUndefined();
  });

  it("lists newest first per workspace and profile, and hides other workspaces' links", async () => {
    const a = await insertTestProfile(db);
    const b = await insertTestProfile(db);
    const first = await createShareLink(db, { ...a, createdBy: a.ownerId, expiresAt: inAMonth() });
    await db
      .update(shareLinks)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(shareLinks.id, first.link.id));
    const second = await createShareLink(db, { ...a, createdBy: a.ownerId, expiresAt: inAMonth() });
    const foreign = await createShareLink(db, { ...b, createdBy: b.ownerId, expiresAt: inAMonth() });
    const listed = await listShareLinks(db, { workspaceId: a.workspaceId });
    expect(listed.map((link) => link.id)).toEqual([second.link.id, first.link.id]);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash|vs_/);
    expect(await listShareLinks(db, { workspaceId: a.workspaceId, profileId: a.profileId })).toHaveLength(2);
    await expect(listShareLinks(db, { workspaceId: a.workspaceId, profileId: b.profileId })).resolves.toEqual(
      [],
    );
    await expect(listShareLinks(db, { workspaceId: a.workspaceId, profileId: "bad" })).resolves.toEqual([]);
    await expect(listShareLinks(db, { workspaceId: "bad" })).resolves.toEqual([]);
    expect((await getShareLink(db, { workspaceId: a.workspaceId, shareLinkId: first.link.id }))?.id).toBe(
      first.link.id,
    );
    expect(
      await getShareLink(db, { workspaceId: a.workspaceId, shareLinkId: foreign.link.id }),
    ).toBeUndefined();
    expect(await getShareLink(db, { workspaceId: a.workspaceId, shareLinkId: "bad" })).toBeUndefined();

    expect(
      await codeOf(revokeShareLink(db, { workspaceId: a.workspaceId, shareLinkId: foreign.link.id })),
    ).toBe("NOT_FOUND");
    expect((await findShareLinkByToken(db, { token: foreign.token }))?.id).toBe(foreign.link.id);
    expect(await codeOf(revokeShareLink(db, { workspaceId: a.workspaceId, shareLinkId: missingId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(revokeShareLink(db, { workspaceId: a.workspaceId, shareLinkId: "bad" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("revokes idempotently, keeping the first revocation time", async () => {
    const { workspaceId, ownerId, profileId } = await insertTestProfile(db);
    const { link } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      expiresAt: inAMonth(),
    });
    const revoked = await revokeShareLink(db, { workspaceId, shareLinkId: link.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const again = await revokeShareLink(db, { workspaceId, shareLinkId: link.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });

  it("refuses a profile of another workspace and unknown or malformed ids", async () => {
    const a = await insertTestProfile(db);
    const b = await insertTestProfile(db);
    const create = (values: { workspaceId?: string; profileId?: string; createdBy?: string }) =>
      createShareLink(db, {
        workspaceId: a.workspaceId,
        profileId: a.profileId,
        createdBy: a.ownerId,
        expiresAt: inAMonth(),
        ...values,
      });
    expect(await codeOf(create({ profileId: b.profileId }))).toBe("NOT_FOUND");
    expect(await codeOf(create({ profileId: missingId }))).toBe("NOT_FOUND");
    expect(await codeOf(create({ workspaceId: missingId }))).toBe("NOT_FOUND");
    expect(await codeOf(create({ createdBy: missingId }))).toBe("NOT_FOUND");
    expect(await codeOf(create({ profileId: "bad" }))).toBe("NOT_FOUND");
  });

  it("writes last_used_at at most once a minute, one writer among concurrent touches", async () => {
    const { workspaceId, ownerId, profileId } = await insertTestProfile(db);
    const { link, token } = await createShareLink(db, {
      workspaceId,
      profileId,
      createdBy: ownerId,
      // Alive at the fixed instants below.
      expiresAt: new Date("2031-01-01T00:00:00.000Z"),
    });
    const t0 = new Date("2030-01-01T00:00:00.000Z");
    const touches = await Promise.all(
      Array.from({ length: 8 }, () => touchShareLinkUsed(db, { shareLinkId: link.id, now: t0 })),
    );
    expect(touches.filter(Boolean)).toHaveLength(1);
    const almost = new Date(t0.getTime() + 59_999);
    await expect(touchShareLinkUsed(db, { shareLinkId: link.id, now: almost })).resolves.toBe(false);
    expect((await findShareLinkByToken(db, { token, now: t0 }))?.lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 60_000);
    await expect(touchShareLinkUsed(db, { shareLinkId: link.id, now: later })).resolves.toBe(true);
    await expect(touchShareLinkUsed(db, { shareLinkId: "bad" })).resolves.toBe(false);
    await expect(touchShareLinkUsed(db, { shareLinkId: missingId })).resolves.toBe(false);
  });

  it("hides contact details unless the link shows them, and changes a link's settings in place", async () => {
    const { workspaceId, ownerId, profileId } = await insertTestProfile(db);
    const base = { workspaceId, profileId, createdBy: ownerId, expiresAt: inAMonth() };
    const hidden = await createShareLink(db, base);
    expect(hidden.link.showContact).toBe(false);
    expect((await findShareLinkByToken(db, { token: hidden.token }))?.showContact).toBe(false);
    const shown = await createShareLink(db, { ...base, showContact: true });
    expect((await findShareLinkByToken(db, { token: shown.token }))?.showContact).toBe(true);

    const later = new Date(Date.now() + 60 * 86_400_000);
    const updated = await updateShareLink(db, {
      workspaceId,
      shareLinkId: hidden.link.id,
      changes: { showContact: true, expiresAt: later },
    });
    expect(updated).toMatchObject({ id: hidden.link.id, showContact: true, expiresAt: later });
    expect(await findShareLinkByToken(db, { token: hidden.token })).toMatchObject({
      showContact: true,
      expiresAt: later,
    });
    const untouched = await updateShareLink(db, { workspaceId, shareLinkId: shown.link.id, changes: {} });
    expect(untouched.showContact).toBe(true);

    await revokeShareLink(db, { workspaceId, shareLinkId: hidden.link.id });
    const afterRevoke = await updateShareLink(db, {
      workspaceId,
      shareLinkId: hidden.link.id,
      changes: { showContact: false },
    });
    expect(afterRevoke.revokedAt).toBeInstanceOf(Date);
    await expect(findShareLinkByToken(db, { token: hidden.token })).resolves.toBeUndefined();

    const other = await insertTestProfile(db);
    const change = { changes: { showContact: true } };
    expect(
      await codeOf(
        updateShareLink(db, { workspaceId: other.workspaceId, shareLinkId: shown.link.id, ...change }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(updateShareLink(db, { workspaceId, shareLinkId: missingId, ...change }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(updateShareLink(db, { workspaceId, shareLinkId: "bad", ...change }))).toBe(
      "NOT_FOUND",
    );
  });
});
