import { AppError } from "@vitae/errors";
import { createTransport } from "nodemailer";

/** One message to one person, carrying one link (e.g. the email-verification URL). */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; the link appears in it. */
  text: string;
  link: string;
  /** When the link stops working (the outbox forgets the message then). */
  expiresAt: Date;
}

/** Where mail goes: an SMTP relay, or the outbox instance operators read (no SMTP configured). */
export interface Mailer {
  readonly kind: "smtp" | "outbox";
  /** Delivers or stores `message`; rejects with `AppError("SERVICE_UNAVAILABLE")` when it cannot. */
  send(message: MailMessage): Promise<void>;
}

/** An SMTP relay (`mailConfig().smtp` of `@vitae/config`). */
export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** TLS from the first byte; when false, STARTTLS is required (never plain text). */
  secure: boolean;
  auth: { user: string; password: string } | undefined;
  from: string;
  /** Connection, greeting and socket timeout (default 10 s): a hung relay must not hold requests. */
  timeoutMs?: number;
}

/**
 * Sends mail through an SMTP relay with nodemailer, one connection per message (verification mail is
 * rare, and no idle socket outlives a send to hold up shutdown). STARTTLS is required on non-TLS ports,
 * so credentials and links never cross the network in clear text.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: !options.secure,
    ...(options.auth ? { auth: { user: options.auth.user, pass: options.auth.password } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    kind: "smtp",
    async send(message) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        throw new AppError("SERVICE_UNAVAILABLE", { message: "Mail could not be sent.", cause: error });
      }
    },
  };
}

/**
 * Keeps mail in the outbox (a Postgres table, see `@vitae/db`'s `insertOutboxMessage`) for instance
 * operators to read, when no SMTP relay is configured. `store` is that insert.
 */
export function createOutboxMailer(store: (message: MailMessage) => Promise<unknown>): Mailer {
  return {
    kind: "outbox",
    async send(message) {
      await store(message);
    },
  };
}
