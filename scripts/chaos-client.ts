/**
 * `pnpm chaos` support: the browser's upload flow over HTTP (sign up, sign in, workspace, createUpload →
 * PUT → finalize), retrying what an outage refuses, as a user's client would.
 */
import { sleep } from "./chaos-cluster.ts";

interface Session {
  email: string;
  password: string;
  cookie: string;
}

const password = "correct-horse-battery-staple";

const contentTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
};

async function authPost(baseUrl: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";", 1)[0] ?? "")
    .join("; ");
  return { status: response.status, cookie };
}

async function signIn(baseUrl: string, session: Session): Promise<void> {
  const signedIn = await authPost(baseUrl, "sign-in/email", { email: session.email, password });
  if (signedIn.status !== 200) throw new Error(`sign-in answered ${signedIn.status}`);
  session.cookie = signedIn.cookie;
}

async function trpc(baseUrl: string, session: Session, path: string, input: unknown) {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(15_000),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tRPC envelope is read field by field below
  const body = (await response.json().catch(() => null)) as any;
  return { status: response.status, data: body?.result?.data, code: body?.error?.data?.code as string };
}

/**
 * Calls until an answer that is not an outage: 5xx, network errors and timeouts are retried (up to
 * `tries`); a 401 (a session lost with a Redis restart) signs in again first. Throws on anything else.
 */
async function retrying<T>(
  baseUrl: string,
  session: Session,
  attempt: () => Promise<{ status: number; data: T; code: string }>,
  tries = 40,
): Promise<T> {
  for (let left = tries; ; left--) {
    const result = await attempt().catch(() => ({ status: 0, data: undefined as T, code: "NETWORK" }));
    if (result.status === 200) return result.data;
    if (left <= 1 || (result.status >= 400 && result.status < 500 && result.status !== 401)) {
      throw new Error(`answered ${result.status} ${result.code}`);
    }
    if (result.status === 401) await signIn(baseUrl, session).catch(() => undefined);
    await sleep(250);
  }
}

/** A new user, signed in, with a workspace of their own. */
export async function createTenant(baseUrl: string): Promise<Session> {
  const session: Session = { email: `chaos-${Date.now()}@example.com`, password, cookie: "" };
  const signedUp = await authPost(baseUrl, "sign-up/email", {
    email: session.email,
    password,
    name: "Chaos",
  });
  if (signedUp.status !== 200) throw new Error(`sign-up answered ${signedUp.status}`);
  await signIn(baseUrl, session);
  await retrying(baseUrl, session, () => trpc(baseUrl, session, "workspaces.create", { name: "Chaos" }));
  return session;
}

/**
 * Uploads one document through `baseUrl`. Resolves with its id once `finalize` acknowledged it (from
 * then on the product owes the user an outcome), or `null` when the upload was never acknowledged.
 */
export async function uploadOne(
  baseUrl: string,
  session: Session,
  filename: string,
  bytes: Buffer,
): Promise<string | null> {
  try {
    const created = await retrying(baseUrl, session, () =>
      trpc(baseUrl, session, "documents.createUpload", {
        filename,
        contentType: contentTypes[filename.split(".").at(-1) ?? ""] ?? "text/plain",
        size: bytes.length,
      }),
    );
    const { documentId, upload } = created as {
      documentId: string;
      upload: { url: string; method: string; headers: Record<string, string> };
    };
    await retrying(baseUrl, session, async () => {
      const put = await fetch(upload.url, {
        method: upload.method,
        headers: upload.headers,
        body: new Uint8Array(bytes),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: put.ok ? 200 : put.status, data: null, code: String(put.status) };
    });
    await retrying(baseUrl, session, () => trpc(baseUrl, session, "documents.finalize", { documentId }));
    return documentId;
  } catch {
    return null;
  }
}
