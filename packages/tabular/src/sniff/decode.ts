import { TextDecoder } from "node:util";
import { TabularError } from "../errors";

/** The closed list of text encodings the CSV reader recognises. */
export const textEncodings = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncodingName = (typeof textEncodings)[number];

/** What the first bytes say about the file's encoding. */
export interface EncodingGuess {
  encoding: TextEncodingName;
  hasBom: boolean;
}

/**
 * Guesses the encoding from a sample: a BOM wins; otherwise a NUL-byte pattern means BOM-less UTF-16;
 * otherwise strict UTF-8 (invalid sequences, not merely non-ASCII, rule it out) with Windows-1252 — the
 * encoding Excel on Windows saves "CSV" in — as the fallback.
 */
export function guessEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: "utf-8", hasBom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", hasBom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", hasBom: true };
  const probe = Math.min(sample.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = probe / 2;
  // Latin text in UTF-16 has a NUL in nearly every other byte; real 8-bit text has none.
  if (pairs > 0 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05)
    return { encoding: "utf-16le", hasBom: false };
  if (pairs > 0 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05)
    return { encoding: "utf-16be", hasBom: false };
  try {
    // stream: true tolerates a multi-byte sequence cut by the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return { encoding: "utf-8", hasBom: false };
  } catch {
    return { encoding: "windows-1252", hasBom: false };
  }
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] ?? 0) >= 0x80) return true;
  return false;
}

/**
 * A chunk decoder for the guessed encoding. UTF-8 is decoded strictly: if an invalid sequence appears
 * after the sample while everything before it was ASCII, the rest is read as Windows-1252 (identical on
 * ASCII, so nothing already decoded changes); after real UTF-8 text it is `ENCODING_INVALID`, because
 * guessing per row would silently corrupt names.
 */
export class ChunkDecoder {
  encoding: TextEncodingName;
  private decoder: TextDecoder;
  private seenHighByte = false;
  private bytesRead = 0;

  constructor(guess: EncodingGuess) {
    this.encoding = guess.encoding;
    // ignoreBOM: false strips a leading BOM from the text.
    this.decoder = new TextDecoder(guess.encoding, { fatal: guess.encoding === "utf-8", ignoreBOM: false });
  }

  decode(chunk: Uint8Array): string {
    this.bytesRead += chunk.length;
    if (this.encoding !== "utf-8") return this.decoder.decode(chunk, { stream: true });
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      if (!this.seenHighByte) this.seenHighByte = hasHighByte(chunk);
      return text;
    } catch (cause) {
      if (this.seenHighByte) {
        throw new TabularError("ENCODING_INVALID", undefined, {
          cause: new Error(`invalid UTF-8 before byte ${this.bytesRead}`, { cause }),
        });
      }
      this.encoding = "windows-1252";
      this.decoder = new TextDecoder("windows-1252");
      return this.decoder.decode(chunk, { stream: true });
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch (cause) {
      throw new TabularError("ENCODING_INVALID", undefined, { cause });
    }
  }
}
