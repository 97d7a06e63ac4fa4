import type { AddressInfo } from "node:net";
import { AppError } from "@vitae/errors";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxMailer, createSmtpMailer, type MailMessage } from "./mailer";

const message: MailMessage = {
  to: "invitee@example.com",
  subject: "Confirm your email address for Vitae",
  text: "Open http://localhost:3000/api/auth/verify-email?token=abc",
  link: "http://localhost:3000/api/auth/verify-email?token=abc",
  expiresAt: new Date(Date.now() + 3_600_000),
};

describe("SMTP mailer against a real SMTP server (smtp-server)", () => {
  const received: string[] = [];
  let authAttempts = 0;
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      // Plain SMTP on loopback for the test; production relays get STARTTLS (requireTLS) or TLS.
      disabledCommands: ["STARTTLS"],
      authOptional: false,
      onAuth(auth, _session, callback) {
        authAttempts += 1;
        callback(null, { user: auth.username });
      },
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => {
          data += chunk.toString();
        });
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("never sends over a connection without TLS: a relay that offers no STARTTLS is refused", async () => {
    const mailer = createSmtpMailer({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user: "mailer", password: "smtp-test-password" },
      from: "Vitae <vitae@example.com>",
    });
    const error = await mailer.send(message).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
    // Neither the credentials nor the link crossed the wire.
    expect(received).toHaveLength(0);
    expect(authAttempts).toBe(0);
  });
});

describe("outbox mailer", () => {
  it("hands every message to the store", async () => {
    const stored: MailMessage[] = [];
    const mailer = createOutboxMailer(async (entry) => {
      stored.push(entry);
    });
    await mailer.send(message);
    expect(mailer.kind).toBe("outbox");
    expect(stored).toEqual([message]);
  });
});
