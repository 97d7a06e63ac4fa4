export { createObjectStore, type ObjectStoreConfig } from "./create-object-store";
export { type DiskStore, isDiskStore } from "./disk-internals";
export {
  type DiskGetGrant,
  type DiskGrant,
  type DiskPutGrant,
  type DiskSignedRequest,
  verifyDiskSignedRequest,
} from "./disk-signing";
export { createDiskStore, type DiskStoreConfig } from "./disk-store";
export {
  type ReceivedUpload,
  receiveSignedUpload,
  type SignedDownload,
  serveSignedDownload,
} from "./disk-transfer";
export { createS3Store, type S3StoreConfig } from "./s3-store";
export type {
  DownloadGrant,
  DownloadUrlOptions,
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  PutOptions,
  UploadGrant,
  UploadUrlOptions,
} from "./types";
export { assertValidKey, defaultExpiresInSeconds, maxExpiresInSeconds, maxKeyLength } from "./validation";
