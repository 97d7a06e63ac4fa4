import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@vitae/errors";
import { expect } from "vitest";
import type { DiskStore } from "../disk-internals";
import { createDiskStore } from "../disk-store";

/** Test support: the fixed clock disk stores made here sign with. */
export const fixedNow = new Date("2026-03-01T12:00:00Z");

/** Test support: awaits a promise that must reject with an `AppError`, and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Test support: a disk store in a fresh temp directory, removed again by `cleanup`. */
export interface TempDiskStore {
  rootDir: string;
  store: DiskStore;
  /** Files left in the temp area; any would mean a failed write was not cleaned up. */
  tempFiles(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function createTempDiskStore(): Promise<TempDiskStore> {
  const rootDir = await mkdtemp(join(tmpdir(), "vitae-storage-disk-"));
  const objects = join(rootDir, "objects");
  const store = createDiskStore({
    rootDir: objects,
    signingSecret: "x".repeat(40),
    publicUrl: "http://localhost:3000/",
    now: () => fixedNow,
  });
  return {
    rootDir,
    store,
    tempFiles: () => readdir(join(objects, "@tmp")).catch(() => []),
    cleanup: () => rm(rootDir, { recursive: true, force: true }),
  };
}
