import { setTimeout as delay } from "node:timers/promises";
import type { BrowserContext } from "playwright-core";

/** A document as `documents.list` / `documents.byId` return it (the fields specs look at). */
export interface ApiDocument {
  id: string;
  filename: string;
  status: string;
  profileId: string | null;
}

/**
 * Calls tRPC procedures over HTTP with the browser context's cookie jar, so a spec can arrange data (or
 * check what the server holds) as the signed-in user, independently of what the page shows.
 */
export function apiCalls(context: BrowserContext, baseUrl: string) {
  // better-auth and the API check the Origin of state-changing requests, as a browser would send it.
  const headers = { Origin: baseUrl };

  async function unwrap<T>(
    response: { ok: () => boolean; status: () => number; text: () => Promise<string> },
    path: string,
  ): Promise<T> {
    const body = await response.text();
    if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${body}`);
    return (JSON.parse(body) as { result: { data: T } }).result.data;
  }

  async function query<T>(path: string, input: unknown): Promise<T> {
    const url = `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    return unwrap<T>(await context.request.get(url, { headers }), path);
  }

  async function mutate<T>(path: string, input: unknown): Promise<T> {
    return unwrap<T>(await context.request.post(`${baseUrl}/trpc/${path}`, { data: input, headers }), path);
  }

  async function listDocuments(): Promise<ApiDocument[]> {
    return (await query<{ items: ApiDocument[] }>("documents.list", { limit: 100 })).items;
  }

  /** createUpload → PUT the bytes to the signed URL → finalize; resolves with the document id. */
  async function upload(file: { name: string; contentType: string; bytes: Buffer }): Promise<string> {
    const grant = await mutate<{
      documentId: string;
      upload: { url: string; headers: Record<string, string> };
    }>("documents.createUpload", {
      filename: file.name,
      contentType: file.contentType,
      size: file.bytes.length,
    });
    const put = await context.request.put(new URL(grant.upload.url, baseUrl).toString(), {
      headers: grant.upload.headers,
      data: file.bytes,
    });
    if (!put.ok()) throw new Error(`upload PUT answered ${put.status()}: ${await put.text()}`);
    await mutate("documents.finalize", { documentId: grant.documentId });
    return grant.documentId;
  }

  /** Polls `documents.byId` until the document is ready or failed; bounded by `attempts`. */
  async function waitUntilSettled(documentId: string, attempts = 180): Promise<ApiDocument> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const document = await query<ApiDocument>("documents.byId", { documentId });
      if (document.status === "ready" || document.status === "failed") return document;
      await delay(500);
    }
    throw new Error(`document ${documentId} did not settle after ${attempts} checks`);
  }

  return { query, mutate, listDocuments, upload, waitUntilSettled };
}
