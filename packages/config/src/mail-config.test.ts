import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { loadConfig } from "./load-config";
import { mailConfig } from "./mail-config";

function issuesFor(env: Record<string, string>): ConfigError["issues"] {
  try {
    loadConfig(env, mailConfig());
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("mailConfig", () => {
  it("means the outbox (no SMTP) for an empty environment", () => {
    expect(loadConfig({}, mailConfig())).toEqual({
      smtp: undefined,
      mailFrom: "Vitae <no-reply@localhost>",
      operatorEmails: [],
    });
  });

  it("reads a relay with credentials, TLS on port 465 by default, and operator emails", () => {
    const config = loadConfig(
      {
        SMTP_HOST: "smtp.example.com",
        SMTP_PORT: "465",
        SMTP_USER: "mailer",
        SMTP_PASSWORD: "planted-smtp-secret",
        MAIL_FROM: "Vitae <vitae@example.com>",
        OPERATOR_EMAILS: " Ops@Example.com, ,ops@example.com,it@example.com",
      },
      mailConfig(),
    );
    expect(config).toEqual({
      smtp: {
        host: "smtp.example.com",
        port: 465,
        secure: true,
        auth: { user: "mailer", password: "planted-smtp-secret" },
      },
      mailFrom: "Vitae <vitae@example.com>",
      operatorEmails: ["ops@example.com", "it@example.com"],
    });
    const starttls = loadConfig({ SMTP_HOST: "smtp.example.com", MAIL_FROM: "a@example.com" }, mailConfig());
    expect(starttls.smtp).toEqual({ host: "smtp.example.com", port: 587, secure: false, auth: undefined });
  });

  it("refuses half-configured relays, naming each variable and never echoing a secret", () => {
    const orphans = issuesFor({ SMTP_PORT: "25", SMTP_PASSWORD: "planted-smtp-secret" });
    expect(orphans.map((issue) => issue.variable).sort()).toEqual(["SMTP_PASSWORD", "SMTP_PORT"]);
    const half = issuesFor({ SMTP_HOST: "smtp.example.com", SMTP_PASSWORD: "planted-smtp-secret" });
    expect(half.map((issue) => issue.variable).sort()).toEqual(["MAIL_FROM", "SMTP_USER"]);
    expect(JSON.stringify(half)).not.toContain("planted-smtp-secret");
    expect(issuesFor({ OPERATOR_EMAILS: "ops@example.com,not-an-email" })[0]?.variable).toBe(
      "OPERATOR_EMAILS",
    );
  });
});
