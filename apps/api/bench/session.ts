/**
 * Creates a benchmark account over HTTP like any client and returns its session cookie. Sign-up never
 * signs in (it answers alike for existing emails), so the session comes from signing in afterwards.
 */
export async function signUpAndSignIn(url: string, email: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: url };
  const password = "bench-password-123";
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
  if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.status}`);
  return signIn.headers
    .getSetCookie()
    .map((value) => value.split(";", 1)[0])
    .join("; ");
}
