import type { TestApi } from "./harness";
import { type Credentials, call } from "./identity";

const contentTypes: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The whole client flow: createUpload → PUT the bytes to the presigned URL → finalize. */
export async function uploadImport(
  api: TestApi,
  credentials: Credentials,
  filename: string,
  bytes: Buffer,
  entity = "employee",
): Promise<string> {
  const extension = filename.split(".").at(-1) ?? "";
  const created = await call(api, "imports.createUpload", {
    ...credentials,
    type: "mutation",
    input: { filename, contentType: contentTypes[extension] ?? "text/csv", size: bytes.length, entity },
  });
  if (created.status !== 200) throw new Error(`createUpload: ${JSON.stringify(created.body)}`);
  const { importId, upload } = created.body.result.data;
  const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
  if (!put.ok) throw new Error(`upload PUT: ${put.status} ${await put.text()}`);
  const finalized = await call(api, "imports.finalize", {
    ...credentials,
    type: "mutation",
    input: { importId },
  });
  if (finalized.status !== 200) throw new Error(`finalize: ${JSON.stringify(finalized.body)}`);
  return importId as string;
}

/** `imports.byId` once the analyse run has finished (the import is `mapped` or `failed`). */
export async function settledImport(api: TestApi, credentials: Credentials, importId: string) {
  const signal = AbortSignal.timeout(60_000);
  for await (const snapshot of api.deps.queue.watchJobProgress(importId, { signal })) {
    if (snapshot.status === "succeeded" || snapshot.status === "failed") break;
  }
  const result = await call(api, "imports.byId", { ...credentials, input: { importId } });
  if (result.status !== 200) throw new Error(`byId: ${JSON.stringify(result.body)}`);
  return result.body.result.data;
}

/** A job run once it has finished. */
export async function settledRun(api: TestApi, jobRunId: string) {
  const signal = AbortSignal.timeout(60_000);
  for await (const snapshot of api.deps.queue.watchJobProgress(jobRunId, { signal })) {
    if (snapshot.status === "succeeded" || snapshot.status === "failed") return snapshot;
  }
  return api.deps.queue.getJobStatus(jobRunId);
}
