/**
 * Creates a benchmark account over HTTP like any client and returns its session cookie. Sign-up never
 * signs in (it answers alike for existing emails), so the session comes from signing in afterwards.
 */
export async function signUpAndSignIn(url: string, email: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: url };
  const password = "bench-password-123";
  // On a machine loaded by others the auth tier can answer 503 (its Redis check timed out, and it fails
  // closed): a few attempts, then the last status.
  let status = 0;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password, name: "Bench" }),
    });
    await signUp.body?.cancel();
    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password }),
    });
    await signIn.body?.cancel();
    if (signIn.ok) {
      return signIn.headers
        .getSetCookie()
        .map((value) => value.split(";", 1)[0])
        .join("; ");
    }
    status = signIn.status;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`bench sign-in failed: ${status}`);
}

/** Signs up a bench user with a workspace and an API key, over HTTP like any client. */
export async function signUpWithKey(url: string): Promise<{ cookie: string; key: string }> {
  const json = { "content-type": "application/json", origin: url };
  const cookie = await signUpAndSignIn(url, "bench@example.com");
  const post = (path: string, body: unknown) =>
    fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
  await post("workspaces.create", { name: "Bench" });
  const created = (await (
    await post("apiKeys.create", { name: "bench", scopes: ["usage:read", "documents:read"] })
  ).json()) as {
    result: { data: { key: string } };
  };
  return { cookie, key: created.result.data.key };
}

/** Starts a self-test through the API and returns its run id. */
export async function startSelfTest(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/system.selfTest`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
  });
  const body = (await response.json()) as { result: { data: { jobRunId: string } } };
  return body.result.data.jobRunId;
}
