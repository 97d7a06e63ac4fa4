import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import { deleteAllPages, type PrefixDeletionOps } from "./s3-delete-prefix";

/** A fake bucket listing `keys` in pages of `pageSize`, failing deletes for keys in `failing`. */
function fakeOps(keys: string[], pageSize: number, failing = new Set<string>()) {
  const remaining = new Set(keys);
  const batches: string[][] = [];
  const ops: PrefixDeletionOps = {
    async listPage(token) {
      const start = token === undefined ? 0 : Number(token);
      const page = keys.slice(start, start + pageSize);
      const next = start + pageSize;
      return { keys: page, nextToken: next < keys.length ? String(next) : undefined };
    },
    async deleteBatch(batch) {
      batches.push(batch);
      const errors = batch.filter((key) => failing.has(key)).map((key) => ({ key, code: "AccessDenied" }));
      for (const key of batch) if (!failing.has(key)) remaining.delete(key);
      return errors;
    },
  };
  return { ops, remaining, batches };
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => `p/${String(i).padStart(4, "0")}`);

describe("deleteAllPages", () => {
  it("follows continuation tokens to the end and counts every deletion", async () => {
    const fake = fakeOps(keys(25), 7);
    await expect(deleteAllPages(fake.ops)).resolves.toBe(25);
    expect(fake.remaining.size).toBe(0);
    expect(fake.batches.map((batch) => batch.length)).toEqual([7, 7, 7, 4]);
  });

  it("splits an oversized page into batches of at most 1000 keys", async () => {
    const fake = fakeOps(keys(2500), 2500);
    await expect(deleteAllPages(fake.ops)).resolves.toBe(2500);
    expect(fake.batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
  });

  it("returns 0 for an empty prefix listing without calling delete", async () => {
    const fake = fakeOps([], 10);
    await expect(deleteAllPages(fake.ops)).resolves.toBe(0);
    expect(fake.batches).toEqual([]);
  });

  it("keeps deleting after per-key failures, then rejects with the counts", async () => {
    const all = keys(25);
    const failing = new Set([all[3] ?? "", all[20] ?? ""]);
    const fake = fakeOps(all, 10, failing);
    const error = await deleteAllPages(fake.ops).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
    expect((error as AppError).details).toEqual({ deleted: 23, failed: 2, errorCodes: ["AccessDenied"] });
    expect([...fake.remaining].sort()).toEqual([...failing].sort());
  });

  it("stops at the first failed call and propagates its error", async () => {
    const boom = new Error("socket hang up");
    const fake = fakeOps(keys(30), 10);
    let calls = 0;
    const ops: PrefixDeletionOps = {
      listPage: fake.ops.listPage,
      async deleteBatch(batch) {
        calls++;
        if (calls === 2) throw boom;
        return fake.ops.deleteBatch(batch);
      },
    };
    await expect(deleteAllPages(ops)).rejects.toBe(boom);
    expect(calls).toBe(2);
  });
});
