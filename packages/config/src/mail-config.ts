import { z } from "zod";
import { envBoolean, envInteger, envString } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** An SMTP relay: set means mail is sent; unset means it is kept in the outbox for instance operators. */
export interface SmtpSettings {
  /** `SMTP_HOST`. */
  host: string;
  /** `SMTP_PORT` (default 587). */
  port: number;
  /** `SMTP_SECURE`: TLS from the first byte (default: true on port 465); otherwise STARTTLS is required. */
  secure: boolean;
  /** `SMTP_USER` and `SMTP_PASSWORD`, both or neither. */
  auth: { user: string; password: string } | undefined;
}

/** Outgoing mail (email verification) and who operates the instance. */
export interface MailConfig {
  /** Undefined: no mail leaves the machine; messages go to the outbox shown to instance operators. */
  smtp: SmtpSettings | undefined;
  /** `MAIL_FROM` (default `Vitae <no-reply@localhost>`; required with `SMTP_HOST`). */
  mailFrom: string;
  /**
   * `OPERATOR_EMAILS`: lower-cased addresses whose accounts, once verified, operate this instance (read
   * the outbox) besides the first account created.
   */
  operatorEmails: string[];
}

const emailPattern = /^[^\s@]+@[^\s@]+$/;

/** Variables that only mean something with `SMTP_HOST`: set without it they are a mistake. */
const smtpVariables = ["SMTP_PORT", "SMTP_SECURE", "SMTP_USER", "SMTP_PASSWORD"] as const;

/**
 * `SMTP_HOST`, `SMTP_PORT`, `SMTP_SECURE`, `SMTP_USER`, `SMTP_PASSWORD`, `MAIL_FROM`, `OPERATOR_EMAILS`.
 * All-or-nothing like the LLM settings: an SMTP variable without `SMTP_HOST` is refused, `SMTP_USER` and
 * `SMTP_PASSWORD` come together, and a relay needs an explicit `MAIL_FROM`.
 */
export function mailConfig(): ConfigSchema<MailConfig> {
  return z
    .object({
      SMTP_HOST: envString().optional(),
      SMTP_PORT: envInteger({ min: 1, max: 65_535 }).optional(),
      SMTP_SECURE: envBoolean().optional(),
      SMTP_USER: envString().optional(),
      SMTP_PASSWORD: envString().optional(),
      MAIL_FROM: envString().optional(),
      OPERATOR_EMAILS: envString()
        .transform((raw, ctx) => {
          const emails = raw
            .split(",")
            .map((entry) => entry.trim().toLowerCase())
            .filter((entry) => entry !== "");
          for (const email of emails) {
            if (!emailPattern.test(email) || email.length > 320) {
              ctx.issues.push({
                code: "custom",
                message: `has an entry that is not an email: ${email}`,
                input: raw,
              });
              return z.NEVER;
            }
          }
          return [...new Set(emails)];
        })
        .optional(),
    })
    .superRefine(
      (env, ctx) => {
        if (env.SMTP_HOST === undefined) {
          for (const variable of smtpVariables) {
            if (env[variable] !== undefined) {
              ctx.addIssue({ code: "custom", path: [variable], message: "is set but SMTP_HOST is not" });
            }
          }
          return;
        }
        if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined)) {
          const missing = env.SMTP_USER === undefined ? "SMTP_USER" : "SMTP_PASSWORD";
          ctx.addIssue({
            code: "custom",
            path: [missing],
            message: "is required with the other SMTP credential",
          });
        }
        if (env.MAIL_FROM === undefined) {
          ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_HOST is set" });
        }
      },
      // Presence rules only need to know which variables are set: report them with any format errors.
      { when: () => true },
    )
    .transform((env) => {
      const port = env.SMTP_PORT ?? 587;
      return {
        smtp:
          env.SMTP_HOST === undefined
            ? undefined
            : {
                host: env.SMTP_HOST,
                port,
                secure: env.SMTP_SECURE ?? port === 465,
                auth:
                  env.SMTP_USER !== undefined && env.SMTP_PASSWORD !== undefined
                    ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD }
                    : undefined,
              },
        mailFrom: env.MAIL_FROM ?? "Vitae <no-reply@localhost>",
        operatorEmails: env.OPERATOR_EMAILS ?? [],
      };
    });
}
