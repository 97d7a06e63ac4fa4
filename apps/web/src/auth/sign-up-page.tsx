import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { focusFirstError, TextField } from "../lib/form-field";
import {
  type FieldErrors,
  nameMaxLength,
  passwordChecks,
  validateSignUp,
  withoutField,
} from "../lib/validation";
import { runAuthCall } from "./auth-call";
import { usePreloadedAuthClient } from "./auth-client-context";
import { withNext } from "./redirect-target";

const fieldIds = { name: "sign-up-name", email: "sign-up-email", password: "sign-up-password" };

export function SignUpPage() {
  const loadAuthClient = usePreloadedAuthClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"name" | "email" | "password">>({});
  const [failure, setFailure] = useState<ErrorSummary | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignUp({ name, email, password });
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusFirstError(found, fieldIds);
      return;
    }
    setIsSubmitting(true);
    const result = await runAuthCall(
      async (fetchOptions) =>
        (await loadAuthClient()).signUp.email({
          name: name.trim(),
          email: email.trim(),
          password,
          fetchOptions,
        }),
      "We could not create your account. Try again in a moment.",
    );
    if (!result.isOk) {
      setIsSubmitting(false);
      setFailure(result.summary);
      return;
    }
    // Sign-up answers the same whether or not the email already has an account (no enumeration), and
    // never signs in by itself: signing in with the same details is what proves the account is theirs.
    const signedIn = await runAuthCall(
      async (fetchOptions) =>
        (await loadAuthClient()).signIn.email({ email: email.trim(), password, fetchOptions }),
      "We could not sign you in with these details. If you already have an account, sign in instead.",
    );
    setIsSubmitting(false);
    if (!signedIn.isOk) {
      setFailure(signedIn.summary);
      return;
    }
    queryClient.clear();
    // A new account has no workspace yet: creating one is the first step, then on to where they were going.
    await navigate(withNext("/workspaces/new", next), { replace: true });
  }

  return (
    <section aria-labelledby="sign-up-title" data-testid="sign-up-page">
      <h1 id="sign-up-title">Create your account</h1>
      <form className="form card" noValidate onSubmit={onSubmit} aria-busy={isSubmitting}>
        <TextField
          id={fieldIds.name}
          label="Name"
          autoComplete="name"
          maxLength={nameMaxLength}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setErrors((current) => withoutField(current, "name"));
          }}
          error={errors.name}
        />
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
          autoComplete="new-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setErrors((current) => withoutField(current, "password"));
          }}
          error={errors.password}
          hint={
            <ul className="rule-list" data-testid="password-rules">
              {passwordChecks(password).map((check) => (
                <li key={check.id} className={check.isMet ? "rule-met" : "rule-unmet"}>
                  {check.label}
                  <span className="visually-hidden">{check.isMet ? " (met)" : " (not met yet)"}</span>
                </li>
              ))}
            </ul>
          }
        />
        <div aria-live="polite">
          {failure !== null ? (
            <ErrorNotice title="Your account was not created." summary={failure} testId="sign-up-error" />
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <Link to={withNext("/sign-in", next)}>Sign in</Link>
      </p>
    </section>
  );
}
