import { limits } from "@vitae/contracts";

/**
 * Client-side checks that give instant, plain-words feedback before a request is sent. The server
 * validates everything again; these only mirror its documented rules.
 */

/** The API's password policy: length beats composition rules. */
export const passwordRules = limits.password;

export const nameMaxLength = limits.personNameMaxLength;
export const workspaceNameMaxLength = limits.labelMaxLength;
export const apiKeyNameMaxLength = limits.labelMaxLength;
const emailMaxLength = limits.emailMaxLength;
// Deliberately loose: the server decides what a deliverable address is; this only catches typos.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A field name to the message shown under it; an empty object means the form is valid. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export function validateName(value: string): string | null {
  const name = value.trim();
  if (name.length === 0) return "Enter your name.";
  if (name.length > nameMaxLength) return `Use at most ${nameMaxLength} characters.`;
  return null;
}

export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (email.length === 0) return "Enter your email address.";
  if (email.length > emailMaxLength || !emailPattern.test(email)) {
    return "Enter an email address like name@example.com.";
  }
  return null;
}

export interface PasswordCheck {
  id: "min-length" | "max-length";
  label: string;
  isMet: boolean;
}

/** The password rules with whether `value` meets each, for the live checklist on the sign-up form. */
export function passwordChecks(value: string): PasswordCheck[] {
  return [
    {
      id: "min-length",
      label: `At least ${passwordRules.minLength} characters`,
      isMet: value.length >= passwordRules.minLength,
    },
    {
      id: "max-length",
      label: `At most ${passwordRules.maxLength} characters`,
      isMet: value.length <= passwordRules.maxLength,
    },
  ];
}

export function validateNewPassword(value: string): string | null {
  if (value.length === 0) return "Choose a password.";
  if (value.length < passwordRules.minLength) {
    return `Use at least ${passwordRules.minLength} characters.`;
  }
  if (value.length > passwordRules.maxLength) return `Use at most ${passwordRules.maxLength} characters.`;
  return null;
}

/** Sign-in only checks presence: the rules may have changed since the account was created. */
export function validateExistingPassword(value: string): string | null {
  return value.length === 0 ? "Enter your password." : null;
}

export function validateSignUp(input: {
  name: string;
  email: string;
  password: string;
}): FieldErrors<"name" | "email" | "password"> {
  return compact({
    name: validateName(input.name),
    email: validateEmail(input.email),
    password: validateNewPassword(input.password),
  });
}

export function validateSignIn(input: {
  email: string;
  password: string;
}): FieldErrors<"email" | "password"> {
  return compact({ email: validateEmail(input.email), password: validateExistingPassword(input.password) });
}

export function validateWorkspaceName(value: string): string | null {
  const name = value.trim();
  if (name.length === 0) return "Enter a name for the workspace.";
  if (name.length > workspaceNameMaxLength) return `Use at most ${workspaceNameMaxLength} characters.`;
  return null;
}

export function validateApiKeyName(value: string): string | null {
  const name = value.trim();
  if (name.length === 0) return "Give the key a name so you can recognise it later.";
  if (name.length > apiKeyNameMaxLength) return `Use at most ${apiKeyNameMaxLength} characters.`;
  return null;
}

export function validateScopeSelection(selected: readonly string[]): string | null {
  return selected.length === 0 ? "Choose at least one permission." : null;
}

/** Parses the optional "expires in days" choice: empty means never; otherwise a whole number 1–365. */
export function parseExpiryDays(
  raw: string,
): { isValid: true; days: number | undefined } | { isValid: false; error: string } {
  const value = raw.trim();
  if (value.length === 0) return { isValid: true, days: undefined };
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    return { isValid: false, error: "Choose between 1 and 365 days, or no expiry." };
  }
  return { isValid: true, days };
}

/** Both ends are optional `YYYY-MM-DD` dates from date inputs; the end may not precede the start. */
export function validateDateRange(from: string, to: string): string | null {
  if (from !== "" && to !== "" && to < from) return "The end date must be on or after the start date.";
  return null;
}

/** `errors` without `field`'s message: a field stops reporting a problem as soon as it is edited. */
export function withoutField<Field extends string>(
  errors: FieldErrors<Field>,
  field: Field,
): FieldErrors<Field> {
  if (errors[field] === undefined) return errors;
  const { [field]: _removed, ...rest } = errors;
  return rest as FieldErrors<Field>;
}

function compact<Field extends string>(errors: Record<Field, string | null>): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  for (const [field, message] of Object.entries(errors) as Array<[Field, string | null]>) {
    if (message !== null) result[field] = message;
  }
  return result;
}
