import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sweepStaleUploadsJob } from "@vitae/queue";
import type { TestApi } from "./harness";
import { type Credentials, call } from "./identity";
import { readTrpcSse } from "./sse";

/** A file of the documents package's committed fixture corpus. */
export function fixture(path: string): Promise<Buffer> {
  return readFile(fileURLToPath(new URL(`../../../packages/documents/fixtures/${path}`, import.meta.url)));
}

const contentTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  md: "text/markdown",
};

/** The full browser flow: createUpload → PUT the bytes to the presigned URL → finalize. */
export async function uploadDocument(
  api: TestApi,
  credentials: Credentials,
  filename: string,
  bytes: Buffer,
) {
  const extension = filename.split(".").at(-1) ?? "";
  const created = await call(api, "documents.createUpload", {
    ...credentials,
    type: "mutation",
    input: { filename, contentType: contentTypes[extension] ?? "application/pdf", size: bytes.length },
  });
  if (created.status !== 200) throw new Error(`createUpload: ${JSON.stringify(created.body)}`);
  const { documentId, upload } = created.body.result.data;
  const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
  if (!put.ok) throw new Error(`upload PUT: ${put.status} ${await put.text()}`);
  const finalized = await call(api, "documents.finalize", {
    ...credentials,
    type: "mutation",
    input: { documentId },
  });
  if (finalized.status !== 200) throw new Error(`finalize: ${JSON.stringify(finalized.body)}`);
  return documentId as string;
}

/** Follows `documents.progress` until the document is ready or failed; returns every event. */
export async function followDocument(api: TestApi, credentials: Credentials, documentId: string) {
  const input = encodeURIComponent(JSON.stringify({ documentId }));
  const headers: Record<string, string> = {
    ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
    ...(credentials.key ? { authorization: `Bearer ${credentials.key}` } : {}),
  };
  const events: Array<{
    status: string;
    progress: number;
    errorCode: string | null;
    profileId: string | null;
    updatedAt: string;
  }> = [];
  const url = `${api.url}/trpc/documents.progress?input=${input}`;
  for await (const event of readTrpcSse(url, AbortSignal.timeout(60_000), headers)) {
    if (event.kind === "error") throw new Error(`progress: ${event.error.data.code}`);
    const value = event.value as (typeof events)[number];
    events.push(value);
    if (value.status === "ready" || value.status === "failed") break;
  }
  return events;
}

/** Runs one stale-upload sweep now (as the worker's schedule would) and returns the finished run. */
export async function sweepStaleUploadsNow(api: TestApi, staleAfterSeconds = 0) {
  const { jobRunId } = await api.deps.queue.enqueue(sweepStaleUploadsJob, { staleAfterSeconds });
  return settledRun(api, jobRunId);
}

/** A run once it has finished (a document turns ready just before its run is marked succeeded). */
export async function settledRun(api: TestApi, jobRunId: string) {
  const signal = AbortSignal.timeout(30_000);
  for await (const snapshot of api.deps.queue.watchJobProgress(jobRunId, { signal })) {
    if (snapshot.status === "succeeded" || snapshot.status === "failed") return snapshot;
  }
  return api.deps.queue.getJobStatus(jobRunId);
}
