import { ProviderError, scrubSecret } from "./provider-error";
import { parseRetryAfter } from "./retry-after";

/**
 * Where and how requests go. The transport is plain `fetch` (see the README for why not the `openai`
 * SDK): every request is one attempt, resilience is the caller's.
 */
export interface ProviderEndpoint {
  /** API root including the version segment, no trailing slash. */
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  /** Epoch ms, for HTTP-date `Retry-After`. */
  now(): number;
}

/** A request body and its content type (none for `FormData`: fetch sets the multipart boundary). */
export type ProviderRequestBody = { json: unknown } | { form: FormData };

function headersFor(endpoint: ProviderEndpoint, body: ProviderRequestBody): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json, text/event-stream, */*" };
  if ("json" in body) headers["content-type"] = "application/json";
  if (endpoint.apiKey !== undefined) headers.authorization = `Bearer ${endpoint.apiKey}`;
  return headers;
}

/** Reads a body, turning a connection cut mid-body into a `connection` failure. */
async function readText(response: Response, what: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new ProviderError("connection", `${what}: body cut off`, { cause: error });
  }
}

/**
 * POSTs `body` to `${baseUrl}${path}` and returns the response once its status is 2xx, body unread.
 * Non-2xx statuses become `ProviderError("status")` carrying `Retry-After` and a scrubbed body snippet;
 * network failures become `ProviderError("connection")`. An abort of `signal` rejects with its reason.
 */
export async function sendRequest(
  endpoint: ProviderEndpoint,
  path: string,
  body: ProviderRequestBody,
  signal: AbortSignal,
): Promise<Response> {
  let response: Response;
  try {
    response = await endpoint.fetch(`${endpoint.baseUrl}${path}`, {
      method: "POST",
      headers: headersFor(endpoint, body),
      body: "json" in body ? JSON.stringify(body.json) : body.form,
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // undici reports refused/reset/DNS failures as `TypeError: fetch failed` with the reason as cause.
    throw new ProviderError("connection", `POST ${path}: ${describeNetworkError(error)}`, { cause: error });
  }
  if (response.ok) return response;
  const text = await readText(response, `POST ${path}`).catch(() => "");
  const bodySnippet = scrubSecret(text, endpoint.apiKey);
  const retryAfterMs = parseRetryAfter(response.headers, endpoint.now());
  throw new ProviderError("status", `POST ${path}: provider answered ${response.status}: ${bodySnippet}`, {
    status: response.status,
    bodySnippet,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** `sendRequest`, then the whole body parsed as JSON (`ProviderError("protocol")` when it is not JSON). */
export async function postJson(
  endpoint: ProviderEndpoint,
  path: string,
  body: ProviderRequestBody,
  signal: AbortSignal,
): Promise<unknown> {
  const response = await sendRequest(endpoint, path, body, signal);
  const text = await readText(response, `POST ${path}`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProviderError("protocol", `POST ${path}: the answer is not JSON`, { cause: error });
  }
}

/** `sendRequest`, then the whole body as bytes. */
export async function postForBytes(
  endpoint: ProviderEndpoint,
  path: string,
  body: ProviderRequestBody,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = await sendRequest(endpoint, path, body, signal);
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
  } catch (error) {
    throw new ProviderError("connection", `POST ${path}: body cut off`, { cause: error });
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && "code" in cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : "network error";
}
