import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { focusFirstError, TextField } from "../lib/form-field";
import { type FieldErrors, validateSignIn, withoutField } from "../lib/validation";
import { runAuthCall } from "./auth-call";
import { usePreloadedAuthClient } from "./auth-client-context";
import { safeRedirectTarget, withNext } from "./redirect-target";

const fieldIds = { email: "sign-in-email", password: "sign-in-password" };

export function SignInPage() {
  const loadAuthClient = usePreloadedAuthClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"email" | "password">>({});
  const [failure, setFailure] = useState<ErrorSummary | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusFirstError(found, fieldIds);
      return;
    }
    setIsSubmitting(true);
    const result = await runAuthCall(
      async (fetchOptions) =>
        (await loadAuthClient()).signIn.email({ email: email.trim(), password, fetchOptions }),
      "We could not sign you in. Try again in a moment.",
    );
    setIsSubmitting(false);
    if (!result.isOk) {
      setFailure(result.summary);
      return;
    }
    // Anything cached so far was answered for a signed-out caller.
    queryClient.clear();
    await navigate(safeRedirectTarget(next), { replace: true });
  }

  return (
    <section aria-labelledby="sign-in-title" data-testid="sign-in-page">
      <h1 id="sign-in-title">Sign in</h1>
      {next !== null ? <p className="lead">Sign in to continue to the page you asked for.</p> : null}
      <form className="form card" noValidate onSubmit={onSubmit} aria-busy={isSubmitting}>
        <TextField
          id={fieldIds.email}
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors((current) => withoutField(current, "email"));
          }}
          error={errors.email}
        />
        <TextField
          id={fieldIds.password}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setErrors((current) => withoutField(current, "password"));
          }}
          error={errors.password}
        />
        <div aria-live="polite">
          {failure !== null ? (
            <ErrorNotice title="Sign-in failed." summary={failure} testId="sign-in-error" />
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p>
        New to Vitae? <Link to={withNext("/sign-up", next)}>Create an account</Link>
      </p>
    </section>
  );
}
