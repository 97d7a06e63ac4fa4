/**
 * PUTs a file to a signed upload URL with XMLHttpRequest, because fetch still reports no upload
 * progress in browsers. The signature binds the content type and exact size, so the headers the server
 * granted are sent as given — except the ones browsers forbid scripts to set (`Content-Length`), which
 * the browser sets itself from the body.
 */

export interface UploadTarget {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface UploadFailure {
  kind: "http" | "network" | "aborted";
  /** HTTP status for `http`, else 0. */
  status: number;
  /** The error code from the storage route's JSON body, when it sent one. */
  code: string | null;
  message: string;
}

export class UploadError extends Error {
  readonly failure: UploadFailure;
  constructor(failure: UploadFailure) {
    super(failure.message);
    this.name = "UploadError";
    this.failure = failure;
  }
}

// Headers a page may not set on XMLHttpRequest (Fetch spec "forbidden request header"); Chromium logs
// an error for each attempt, so they are skipped rather than tried.
const forbiddenHeaders = new Set(["content-length", "host", "connection", "keep-alive", "transfer-encoding"]);

export function settableHeaders(headers: Record<string, string>): Array<[string, string]> {
  return Object.entries(headers).filter(([name]) => !forbiddenHeaders.has(name.toLowerCase()));
}

function readErrorBody(text: string): { code: string | null; message: string | null } {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return {
      code: typeof body.code === "string" ? body.code : null,
      message: typeof body.message === "string" ? body.message : null,
    };
  } catch {
    // S3 answers in XML, a proxy perhaps in HTML: the status alone has to do.
    return { code: null, message: null };
  }
}

function httpFailureMessage(status: number, serverMessage: string | null): string {
  if (status === 403) return "The upload link was refused or has expired. Try the upload again.";
  if (status === 413) return "The file is larger than the upload allows.";
  return serverMessage ?? `The storage server refused the upload (HTTP ${status}). Try again.`;
}

/**
 * Sends `body` and reports progress as a fraction 0–1. Resolves on a 2xx answer; rejects with an
 * `UploadError` otherwise. Aborting `signal` cancels the transfer.
 */
export function putWithProgress(
  target: UploadTarget,
  body: Blob,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method, target.url);
    for (const [name, value] of settableHeaders(target.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        options.onProgress?.(1);
        resolve();
        return;
      }
      const { code, message } = readErrorBody(request.responseText);
      reject(
        new UploadError({
          kind: "http",
          status: request.status,
          code,
          message: httpFailureMessage(request.status, message),
        }),
      );
    };
    request.onerror = () =>
      reject(
        new UploadError({
          kind: "network",
          status: 0,
          code: null,
          message: "The connection dropped during the upload. Check your connection and try again.",
        }),
      );
    request.onabort = () =>
      reject(
        new UploadError({ kind: "aborted", status: 0, code: null, message: "The upload was cancelled." }),
      );
    const abort = () => request.abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    request.onloadend = () => options.signal?.removeEventListener("abort", abort);
    if (options.signal?.aborted) {
      request.abort();
      return;
    }
    request.send(body);
  });
}
