import { describe, expect, it } from "vitest";
import { createKeyEnvelope, KeyEnvelopeError } from "./key-envelope";

const kekA = "first-key-encryption-key-aaaaaaaaaaaaaaaa";
const kekB = "second-key-encryption-key-bbbbbbbbbbbbbbb";
const workspaceId = "0b9a3f3e-5c1e-4d7e-9a3b-1f2e3d4c5b6a";
const otherWorkspaceId = "6f1d2c3b-4a59-4e8f-8b7a-6c5d4e3f2a1b";
const secret = "sk-planted-9f8e7d6c5b4a";

describe("createKeyEnvelope", () => {
  it("seals without the plaintext and opens to it", () => {
    const envelope = createKeyEnvelope({ current: kekA });
    const sealed = envelope.seal(secret, { workspaceId });
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString("base64url"));
    expect(envelope.open(sealed, { workspaceId })).toEqual({ plaintext: secret, stale: false });
  });

  it("uses a fresh IV per seal", () => {
    const envelope = createKeyEnvelope({ current: kekA });
    expect(envelope.seal(secret, { workspaceId })).not.toBe(envelope.seal(secret, { workspaceId }));
  });

  it("refuses a tampered envelope", () => {
    const envelope = createKeyEnvelope({ current: kekA });
    const sealed = envelope.seal(secret, { workspaceId });
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], body.toString("base64url")].join(".");
    expect(() => envelope.open(tampered, { workspaceId })).toThrow(KeyEnvelopeError);
    expect(() => envelope.open(`${sealed}.extra`, { workspaceId })).toThrow(KeyEnvelopeError);
    expect(() => envelope.open("v1.x", { workspaceId })).toThrow(KeyEnvelopeError);
  });

  it("refuses an envelope copied onto another workspace", () => {
    const envelope = createKeyEnvelope({ current: kekA });
    const sealed = envelope.seal(secret, { workspaceId });
    expect(() => envelope.open(sealed, { workspaceId: otherWorkspaceId })).toThrow(KeyEnvelopeError);
  });

  it("refuses an envelope under a KEK it does not hold, naming no key material", () => {
    const sealed = createKeyEnvelope({ current: kekA }).seal(secret, { workspaceId });
    const error = (() => {
      try {
        createKeyEnvelope({ current: kekB }).open(sealed, { workspaceId });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KeyEnvelopeError);
    expect(error?.message).not.toContain(kekA);
    expect(error?.message).not.toContain(sealed);
  });

  it("opens envelopes of the previous KEK as stale during a rotation; re-sealed ones are current", () => {
    const old = createKeyEnvelope({ current: kekA }).seal(secret, { workspaceId });
    const rotating = createKeyEnvelope({ current: kekB, previous: kekA });
    expect(rotating.open(old, { workspaceId })).toEqual({ plaintext: secret, stale: true });
    const resealed = rotating.seal(secret, { workspaceId });
    expect(rotating.open(resealed, { workspaceId })).toEqual({ plaintext: secret, stale: false });
    // Once the previous KEK is dropped, only re-sealed envelopes still open.
    const rotated = createKeyEnvelope({ current: kekB });
    expect(rotated.open(resealed, { workspaceId }).plaintext).toBe(secret);
    expect(() => rotated.open(old, { workspaceId })).toThrow(KeyEnvelopeError);
  });

  it("refuses a short KEK", () => {
    expect(() => createKeyEnvelope({ current: "short" })).toThrow(KeyEnvelopeError);
  });
});
