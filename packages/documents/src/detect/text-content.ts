import { startsWith } from "./bytes";

export type TextVerdict = { ok: true; text: string } | { ok: false; reason: "not-utf8" | "binary" | "utf16" };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

// C0 controls other than tab, line feed, form feed and carriage return, plus DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacter = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g;
// More than this share of control characters means binary data that happens to decode as UTF-8.
const maxControlShare = 0.001;

/**
 * Strict UTF-8 check for TXT/MD uploads: invalid sequences, UTF-16 (BOM or NUL bytes) and
 * control-heavy content are refused; a UTF-8 BOM is stripped.
 */
export function decodeStrictUtf8(bytes: Uint8Array): TextVerdict {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return { ok: false, reason: "utf16" };
  if (bytes.includes(0x00)) return { ok: false, reason: "binary" };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: "not-utf8" };
  }
  const controls = text.match(controlCharacter)?.length ?? 0;
  if (controls > Math.max(2, text.length * maxControlShare)) return { ok: false, reason: "binary" };
  return { ok: true, text };
}
