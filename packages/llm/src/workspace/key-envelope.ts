import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/** The key-encryption keys: `current` seals, `previous` (during a rotation) still opens. */
export interface KeyEncryptionKeys {
  /** `LLM_KEY_ENCRYPTION_KEY`: at least 32 characters of secret material. */
  current: string;
  /** `LLM_KEY_ENCRYPTION_KEY_PREVIOUS`: the key being rotated out, if any. */
  previous?: string | undefined;
}

/** What {@link KeyEnvelope.open} found. */
export interface OpenedKey {
  plaintext: string;
  /** Sealed under the previous KEK: re-seal it with {@link KeyEnvelope.seal} and store that. */
  stale: boolean;
}

/** Seals workspace API keys for storage and opens them again; see {@link createKeyEnvelope}. */
export interface KeyEnvelope {
  seal(plaintext: string, binding: { workspaceId: string }): string;
  /** Throws {@link KeyEnvelopeError} for a tampered, foreign or unknown-KEK envelope. */
  open(sealed: string, binding: { workspaceId: string }): OpenedKey;
}

/** An envelope that cannot be opened. Its message never contains the envelope or the key. */
export class KeyEnvelopeError extends Error {
  override name = "KeyEnvelopeError";
}

const version = "v1";
const ivBytes = 12;
const tagBytes = 16;
const minKekLength = 32;

interface Kek {
  id: string;
  key: Buffer;
}

function deriveKek(material: string): Kek {
  if (material.length < minKekLength) {
    throw new KeyEnvelopeError(`a key-encryption key needs at least ${minKekLength} characters`);
  }
  // HKDF turns any high-entropy string (e.g. a generated base64url secret) into exactly 256 bits, and the
  // info label keeps this key apart from any other use of the same material.
  const key = Buffer.from(hkdfSync("sha256", material, "", "vitae/llm-workspace-key/v1", 32));
  // The id names the KEK in each envelope so opening picks the right one; it reveals nothing of the key.
  const id = createHash("sha256").update("kek-id").update(key).digest("base64url").slice(0, 8);
  return { id, key };
}

// Binding the workspace id as additional data: an envelope copied onto another workspace's row fails.
const aadOf = (workspaceId: string) => Buffer.from(`workspace:${workspaceId}`, "utf8");

/**
 * AES-256-GCM envelopes for workspace LLM API keys: `v1.<kek id>.<iv>.<ciphertext+tag>` (base64url).
 * A fresh 96-bit IV per seal; the tag authenticates the ciphertext and the workspace id, so any change
 * (or a different workspace) is refused. With `previous` set, envelopes under either KEK open and those
 * under the previous one are reported `stale`, so the caller re-seals them under `current`.
 */
export function createKeyEnvelope(keys: KeyEncryptionKeys): KeyEnvelope {
  const current = deriveKek(keys.current);
  const previous = keys.previous === undefined ? undefined : deriveKek(keys.previous);
  return {
    seal(plaintext, { workspaceId }) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv, { authTagLength: tagBytes });
      cipher.setAAD(aadOf(workspaceId));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [version, current.id, iv.toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed, { workspaceId }) {
      const [tag, kekId, ivText, bodyText, ...rest] = sealed.split(".");
      if (
        tag !== version ||
        kekId === undefined ||
        ivText === undefined ||
        bodyText === undefined ||
        rest.length > 0
      ) {
        throw new KeyEnvelopeError("not a sealed key");
      }
      const kek = kekId === current.id ? current : kekId === previous?.id ? previous : undefined;
      if (kek === undefined)
        throw new KeyEnvelopeError("sealed under a key-encryption key that is not configured");
      const iv = Buffer.from(ivText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      if (iv.length !== ivBytes || body.length < tagBytes) throw new KeyEnvelopeError("not a sealed key");
      const decipher = createDecipheriv("aes-256-gcm", kek.key, iv, { authTagLength: tagBytes });
      decipher.setAAD(aadOf(workspaceId));
      decipher.setAuthTag(body.subarray(body.length - tagBytes));
      try {
        const plain = Buffer.concat([
          decipher.update(body.subarray(0, body.length - tagBytes)),
          decipher.final(),
        ]);
        return { plaintext: plain.toString("utf8"), stale: kek !== current };
      } catch {
        throw new KeyEnvelopeError("the sealed key failed authentication (tampered, or another workspace's)");
      }
    },
  };
}
