import type { Readable } from "node:stream";
import { AppError } from "@vitae/errors";
import type { WriteLimits } from "./byte-limit";
import type { PublishMode } from "./disk-files";
import type { ObjectInfo, ObjectStore } from "./types";

/** The disk driver's store: an `ObjectStore` plus what the API needs to mount its signed-URL route. */
export interface DiskStore extends ObjectStore {
  readonly kind: "disk";
  /** Path prefix of the signed-URL route, e.g. `/storage`; the route serves `${routePrefix}/*`. */
  readonly routePrefix: string;
}

/** Capabilities the signed-URL helpers need but that must not be part of the public store object. */
export interface DiskStoreInternals {
  secret: string;
  writeObject(
    key: string,
    contentType: string,
    source: AsyncIterable<Uint8Array> | Buffer,
    limits: WriteLimits,
    mode: PublishMode,
  ): Promise<void>;
  hasObject(key: string): Promise<boolean>;
  openObject(key: string): Promise<{ info: ObjectInfo; stream: Readable }>;
}

// A WeakMap keeps the signing secret off the store object, so logging or serialising a store
// can never leak it.
const registry = new WeakMap<object, DiskStoreInternals>();

/** Records the internals of a store built by `createDiskStore`. */
export function registerDiskStore(store: DiskStore, internals: DiskStoreInternals): void {
  registry.set(store, internals);
}

/** The internals of a disk store; a programming error (INTERNAL) for any other object. */
export function diskStoreInternals(store: ObjectStore): DiskStoreInternals {
  const internals = registry.get(store);
  if (!internals) {
    throw new AppError("INTERNAL", { message: "This operation needs a store made by createDiskStore." });
  }
  return internals;
}

/**
 * True for a store made by `createDiskStore`; the API uses it to decide whether to mount the disk
 * signed-URL route, and it narrows the type for `verifyDiskSignedRequest` and friends.
 */
export function isDiskStore(store: ObjectStore): store is DiskStore {
  return registry.has(store);
}
