import { describe, expect, it } from "vitest";
import {
  parseExpiryDays,
  passwordChecks,
  validateApiKeyName,
  validateDateRange,
  validateEmail,
  validateName,
  validateNewPassword,
  validateScopeSelection,
  validateSignIn,
  validateSignUp,
  validateWorkspaceName,
  withoutField,
} from "./validation";

describe("sign-up and sign-in", () => {
  it("accepts a complete sign-up", () => {
    expect(validateSignUp({ name: "Ada", email: "ada@example.com", password: "correct horse" })).toEqual({});
  });

  it("names every problem in plain words", () => {
    expect(validateSignUp({ name: "  ", email: "ada@", password: "short" })).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@example.com.",
      password: "Use at least 10 characters.",
    });
  });

  it("checks only presence of the password when signing in", () => {
    expect(validateSignIn({ email: "ada@example.com", password: "x" })).toEqual({});
    expect(validateSignIn({ email: "ada@example.com", password: "" })).toEqual({
      password: "Enter your password.",
    });
  });

  it("bounds names, emails and passwords", () => {
    expect(validateName("a".repeat(101))).toMatch(/at most 100/);
    expect(validateEmail(" ada@example.com ")).toBeNull();
    expect(validateEmail("ada example@x.com")).not.toBeNull();
    expect(validateNewPassword("a".repeat(129))).toMatch(/at most 128/);
    expect(validateNewPassword("a".repeat(9))).toMatch(/at least 10/);
    expect(validateNewPassword("a".repeat(10))).toBeNull();
  });

  it("reports each password rule as met or not", () => {
    expect(passwordChecks("abc").map((check) => check.isMet)).toEqual([false, true]);
    expect(passwordChecks("abcdefghi").map((check) => check.isMet)).toEqual([false, true]);
    expect(passwordChecks("abcdefghij").map((check) => check.isMet)).toEqual([true, true]);
  });
});

describe("workspace and API key forms", () => {
  it("requires a workspace name within bounds", () => {
    expect(validateWorkspaceName(" Acme ")).toBeNull();
    expect(validateWorkspaceName("")).not.toBeNull();
    expect(validateWorkspaceName("x".repeat(101))).not.toBeNull();
  });

  it("requires a key name and at least one scope", () => {
    expect(validateApiKeyName("ATS sync")).toBeNull();
    expect(validateApiKeyName(" ")).not.toBeNull();
    expect(validateScopeSelection([])).toBe("Choose at least one permission.");
    expect(validateScopeSelection(["usage:read"])).toBeNull();
  });

  it.each([
    ["", { isValid: true, days: undefined }],
    ["30", { isValid: true, days: 30 }],
    ["365", { isValid: true, days: 365 }],
  ])("parses expiry %j", (raw, expected) => {
    expect(parseExpiryDays(raw)).toEqual(expected);
  });

  it.each(["0", "366", "1.5", "soon", "-3"])("rejects expiry %j", (raw) => {
    expect(parseExpiryDays(raw).isValid).toBe(false);
  });
});

describe("validateDateRange", () => {
  it("allows open and ordered ranges and rejects reversed ones", () => {
    expect(validateDateRange("", "")).toBeNull();
    expect(validateDateRange("2026-03-01", "")).toBeNull();
    expect(validateDateRange("2026-03-01", "2026-03-01")).toBeNull();
    expect(validateDateRange("2026-03-02", "2026-03-01")).not.toBeNull();
  });
});

describe("withoutField", () => {
  it("drops one field's message and keeps the same object when there is none", () => {
    const errors = { name: "Enter your name.", email: "Enter your email address." };
    expect(withoutField(errors, "name")).toEqual({ email: "Enter your email address." });
    const clean = { email: "x" };
    expect(withoutField<"name" | "email">(clean, "name")).toBe(clean);
  });
});
